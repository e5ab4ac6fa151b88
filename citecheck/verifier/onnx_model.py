"""Support judged by a user-supplied cross-encoder exported to ONNX (the ``support-model``
setting), aggregated over chunks of each source as MiniCheck does.

MiniCheck (Tang, Laban and Durrett, "MiniCheck: Efficient Fact-Checking of LLMs on Grounding
Documents", EMNLP 2024) cuts a document into chunks that fit the model, scores the claim
against each chunk and keeps the highest score. Here a source is cut at its sentence
boundaries into chunks of at most ``CHUNK_WORDS`` words; each (chunk, claim) pair goes
through the model as premise and hypothesis; the claim's score is the highest probability
of entailment over the chunks of all its readable sources, and the best chunk is the
evidence. ``supported`` from ``SUPPORTED`` (MiniCheck's 0.5), ``unsupported`` below: such a
model answers "is the whole claim backed", with no partial verdict. A MiniCheck model (its
``config.json`` names MiniCheck) reads the chunk and the claim as one text joined by the
tokenizer's end-of-sequence token, as MiniCheck's own code feeds it; any other model reads
them as a (premise, hypothesis) pair, as NLI cross-encoders are trained.

A model is a folder holding ``model.onnx`` (a sequence-classification graph: inputs
``input_ids``, ``attention_mask`` and, if the graph has it, ``token_type_ids``; first output
the logits, one row per pair), ``tokenizer.json`` (a Hugging Face ``tokenizers`` file) and,
optionally, ``config.json`` whose ``id2label`` names the labels: the label that starts with
"entail" (an NLI model) or is "supported" is the one read; a model of two labels without
such a name reads label 1 (MiniCheck's); a model of one logit is read through a sigmoid. A
path to the ``.onnx`` file itself works too. onnxruntime and tokenizers come with the
``model`` extra (``pip install 'citecheck[model]'``) and are imported only when a model is
used.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citecheck.model.errors import ConfigError
from citecheck.report import Evidence
from citecheck.sources.model import Source
from citecheck.verifier.support import Support, Verdict

CHUNK_WORDS = 250
"""Most words of a chunk: with the claim it fits the 512 tokens of BERT-like encoders."""
SUPPORTED = 0.5
"""Least probability of entailment of a ``supported`` verdict (MiniCheck's threshold)."""
MAX_LENGTH = 512
"""Most tokens of a (chunk, claim) pair; the chunk is cut to fit."""
BATCH = 8


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of consecutive sentences of a source: its character offsets in the source's text."""

    source: Source
    start: int
    end: int

    @property
    def text(self) -> str:
        """The chunk's text."""
        return self.source.text[self.start : self.end]


def chunks(source: Source, words: int = CHUNK_WORDS) -> list[Chunk]:
    """Cut a source's text at sentence boundaries into chunks of at most ``words`` words (a
    longer sentence is a chunk of its own; the model's truncation cuts it)."""
    spans = [(s, e) for s, e in source.sentences if e > s] or [(0, len(source.text))]
    out: list[Chunk] = []
    start, end, count = spans[0][0], spans[0][0], 0
    for s, e in spans:
        size = len(source.text[s:e].split())
        if count and count + size > words:
            out.append(Chunk(source, start, end))
            start, count = s, 0
        end, count = e, count + size
    if count or not out:
        out.append(Chunk(source, start, end))
    return out


class SupportModel:
    """A loaded cross-encoder: an onnxruntime session, its tokenizer and which output is
    entailment. Build it with :func:`load_model`."""

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        label: int | None,
        words: int = CHUNK_WORDS,
        joiner: str | None = None,
    ) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.label = label
        """Index of the entailment logit; ``None`` for a model of one logit."""
        self.words = words
        self.joiner = joiner
        """Token that joins premise and hypothesis into one text (MiniCheck); ``None``: a pair."""
        self.inputs = {i.name for i in session.get_inputs()}

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Probability of entailment of each (premise, hypothesis) pair, in [0, 1]."""
        import numpy as np

        out: list[float] = []
        for at in range(0, len(pairs), BATCH):
            batch = list(pairs[at : at + BATCH])
            if self.joiner is not None:
                encoded = self.tokenizer.encode_batch([f"{a}{self.joiner}{b}" for a, b in batch])
            else:
                encoded = self.tokenizer.encode_batch(batch)
            feed = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            }
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.array([e.type_ids for e in encoded], dtype=np.int64)
            logits = np.asarray(self.session.run(None, feed)[0], dtype=np.float64)
            logits = logits.reshape(len(encoded), -1)
            if self.label is None:
                probs = 1.0 / (1.0 + np.exp(-logits[:, 0]))
            else:
                shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
                probs = shifted[:, self.label] / shifted.sum(axis=1)
            out.extend(float(p) for p in probs)
        return out

    def support(self, claim: str, sources: Sequence[Source]) -> Support:
        """Score the claim against every chunk of its readable sources; keep the best."""
        readable = [s for s in sources if s.state == "ok" and s.text.strip()]
        if not readable or not claim.strip():
            return Support("unverifiable", 0.0, ())
        pieces = [c for s in readable for c in chunks(s, self.words)]
        probs = self.probabilities([(c.text, claim) for c in pieces])
        best = max(range(len(pieces)), key=lambda i: (probs[i], -i))
        score = round(probs[best], 4)
        verdict: Verdict = "supported" if score >= SUPPORTED else "unsupported"
        chunk = pieces[best]
        passage = Evidence(
            key=chunk.source.key,
            source=chunk.source.location,
            text=chunk.text,
            start=chunk.start,
            end=chunk.end,
            score=score,
        )
        return Support(verdict, score, (passage,))


def _label(config: dict[str, Any], width: int | None) -> int | None:
    """Which logit is entailment, from ``config.json``'s ``id2label`` and the output width."""
    names = {int(k): str(v).casefold() for k, v in config.get("id2label", {}).items()}
    for index, name in sorted(names.items()):
        if name.startswith("entail") or name in ("supported", "support"):
            return index
    count = len(names) or width
    if count == 1:
        return None
    if count == 2:
        return 1
    raise ConfigError(
        "support-model: cannot tell which label is entailment; name it in config.json's"
        " id2label (e.g. ENTAILMENT)"
    )


@lru_cache(maxsize=4)
def load_model(path: str, words: int = CHUNK_WORDS) -> SupportModel:
    """Load the model folder (or ``.onnx`` file) at ``path`` (see the module doc).

    Raises :class:`ConfigError` (one line) when the ``model`` extra is not installed or the
    model or its tokenizer cannot be read."""
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError:
        raise ConfigError(
            "support-model needs onnxruntime and tokenizers: pip install 'citecheck[model]'"
        ) from None
    given = Path(path)
    folder = given.parent if given.suffix == ".onnx" else given
    graph = given if given.suffix == ".onnx" else given / "model.onnx"
    if not graph.is_file():
        raise ConfigError(f"support-model {path}: no model.onnx there")
    if not (folder / "tokenizer.json").is_file():
        raise ConfigError(f"support-model {path}: no tokenizer.json beside the model")
    try:
        config = json.loads((folder / "config.json").read_text("utf-8"))
    except FileNotFoundError:
        config = {}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"support-model {path}: config.json unreadable: {exc}") from None
    try:
        session = onnxruntime.InferenceSession(str(graph), providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as exc:  # onnxruntime and tokenizers raise their own kinds
        detail = " ".join(str(exc).split())[:200]
        raise ConfigError(f"support-model {path}: cannot load: {detail}") from None
    names = {i.name for i in session.get_inputs()}
    if not {"input_ids", "attention_mask"} <= names:
        raise ConfigError(
            f"support-model {path}: the graph takes {sorted(names)}, not input_ids and"
            " attention_mask"
        )
    shape = session.get_outputs()[0].shape
    width = shape[-1] if shape and isinstance(shape[-1], int) else None
    limit = min(MAX_LENGTH, int(config.get("max_position_embeddings", MAX_LENGTH)))
    tokenizer.enable_truncation(limit, strategy="only_first")
    if tokenizer.padding is None:
        pad = next((t for t in ("[PAD]", "<pad>") if tokenizer.token_to_id(t) is not None), None)
        tokenizer.enable_padding(
            pad_id=tokenizer.token_to_id(pad) if pad else 0, pad_token=pad or "[PAD]"
        )
    joiner = None
    if "minicheck" in str(config.get("_name_or_path", "")).casefold():
        joiner = next((t for t in ("</s>", "[SEP]") if tokenizer.token_to_id(t) is not None), None)
    return SupportModel(session, tokenizer, _label(config, width), words, joiner)

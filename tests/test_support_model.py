"""The ``support-model`` setting: a cross-encoder in ONNX, scored over chunks of each source.

The tests build their own tiny model: a WordLevel tokenizer over a small vocabulary and an
ONNX graph whose logits are a fixed linear function of the token ids (a sum of per-token
rows masked by the attention mask, plus a bias). The word "backed" adds 10 to the
entailment logit, so a chunk entails the claim exactly when it contains that word within the
model's length. What is checked is the plumbing: pairs, padding and masks, truncation,
chunking, the maximum over chunks, the label mapping and the errors, not accuracy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")
tokenizers = pytest.importorskip("tokenizers")

from citecheck.model.errors import ConfigError  # noqa: E402
from citecheck.sources.model import Source  # noqa: E402
from citecheck.verifier import onnx_model  # noqa: E402
from citecheck.verifier.onnx_model import chunks, load_model  # noqa: E402
from citecheck.verifier.support import support  # noqa: E402

WORDS = " ".join(
    [
        "the mayor closed old town to cars in spring council said plan was backed by",
        "most residents harbour festival drew crowds boats came from ports",
    ]
).split()
VOCAB = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {
    w: i + 4 for i, w in enumerate(dict.fromkeys(WORDS))
}
CLAIM = "The mayor closed the old town to cars."


def build(
    folder: Path, labels: dict[int, str] | None, max_positions: int = 512, name: str = ""
) -> Path:
    """Write model.onnx, tokenizer.json and config.json of the tiny model into ``folder``."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer(models.WordLevel(VOCAB, unk_token="[UNK]"))
    tokenizer.add_special_tokens(["[PAD]", "[UNK]", "[CLS]", "[SEP]"])  # matched inside text
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)],
    )
    tokenizer.save(str(folder / "tokenizer.json"))

    entail = 1 if labels is None else next(i for i, n in labels.items() if "ENTAIL" in n)
    rows = np.zeros((len(VOCAB), 2), dtype=np.float32)
    rows[VOCAB["backed"], entail] = 10.0
    rows[VOCAB["[PAD]"], entail] = 50.0  # counts only if the attention mask is ignored
    bias = np.zeros(2, dtype=np.float32)
    bias[1 - entail] = 2.0
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["rows"]),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["rows", "mask3"], ["kept"]),
        helper.make_node("ReduceSum", ["kept", "axis1"], ["summed"], keepdims=0),
        helper.make_node("Add", ["summed", "bias"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny-cross-encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 2])],
        initializer=[
            numpy_helper.from_array(rows, "table"),
            numpy_helper.from_array(bias, "bias"),
            numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
            numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(folder / "model.onnx"))
    config: dict[str, object] = {"max_position_embeddings": max_positions, "_name_or_path": name}
    if labels is not None:
        config["id2label"] = {str(k): v for k, v in labels.items()}
    (folder / "config.json").write_text(json.dumps(config), "utf-8")
    return folder


def page(sentences: list[str], key: str = "1") -> Source:
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Source(
        key=key,
        location=f"https://example.org/{key}",
        final_url=None,
        status=200,
        state="ok",
        problem=None,
        title=None,
        site_name=None,
        date=None,
        text=" ".join(sentences),
        sentences=tuple(spans),
        origin="snapshot",
    )


FILLER = ["The harbour festival drew crowds.", "Boats came from ports."] * 30
BACKED = "The council said the plan was backed by most residents."


@pytest.fixture(autouse=True)
def _fresh() -> None:
    load_model.cache_clear()


@pytest.fixture
def nli(tmp_path: Path) -> Path:
    """An NLI-style model whose config names its labels, entailment second."""
    return build(tmp_path / "nli", {0: "NEUTRAL", 1: "ENTAILMENT"})


def test_the_best_chunk_anywhere_in_the_source_decides(nli: Path) -> None:
    model = load_model(str(nli))
    source = page([*FILLER, BACKED, *FILLER])
    result = support(CLAIM, [source], model)
    assert result.verdict == "supported" and result.score > 0.99
    (evidence,) = result.evidence
    assert BACKED in evidence.text
    assert source.text[evidence.start : evidence.end] == evidence.text
    pieces = chunks(source)  # about 560 words: three chunks of at most 250, in order
    assert len(pieces) == 3 and all(len(p.text.split()) <= 250 for p in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == len(source.text)
    assert all(a.end < b.start for a, b in pairwise(pieces))
    small = onnx_model.SupportModel(model.session, model.tokenizer, model.label, words=20)
    pieces = chunks(source, 20)
    assert len(pieces) > 5 and all(len(p.text.split()) <= 20 for p in pieces)
    narrow = small.support(CLAIM, [source])
    assert narrow.verdict == "supported" and BACKED in narrow.evidence[0].text
    assert len(narrow.evidence[0].text) < len(source.text) / 4


def test_no_entailing_chunk_is_unsupported_and_padding_is_masked(nli: Path) -> None:
    model = load_model(str(nli))
    result = support(CLAIM, [page(FILLER)], model)
    assert result.verdict == "unsupported"
    assert result.score == pytest.approx(1 / (1 + 2.718281828**2), abs=1e-3)
    # pairs of different lengths share a padded batch: the padding must not count
    short, long = "Boats came.", " ".join(FILLER[:6])
    probs = model.probabilities([(short, CLAIM), (long, CLAIM), (BACKED, CLAIM)])
    assert probs[0] == pytest.approx(probs[1]) and probs[0] < 0.2 and probs[2] > 0.99


def test_the_best_of_several_sources_and_unreadable_ones(nli: Path) -> None:
    model = load_model(str(nli))
    result = support(CLAIM, [page(FILLER, "1"), page([BACKED], "2")], model)
    assert result.verdict == "supported" and result.evidence[0].key == "2"
    assert support(CLAIM, [], model).verdict == "unverifiable"


def test_a_chunk_past_the_model_length_is_truncated(tmp_path: Path) -> None:
    folder = build(tmp_path / "short", {0: "NEUTRAL", 1: "ENTAILMENT"}, max_positions=24)
    model = load_model(str(folder))
    far = " ".join(FILLER[:8]) + " " + BACKED  # one long sentence: "backed" past 24 tokens
    assert support(CLAIM, [page([far])], model).verdict == "unsupported"
    assert support(CLAIM, [page([BACKED])], model).verdict == "supported"


def test_the_entailment_label_is_read_from_the_config(tmp_path: Path) -> None:
    first = build(tmp_path / "first", {0: "ENTAILMENT", 1: "NEUTRAL"})
    assert load_model(str(first)).label == 0
    assert support(CLAIM, [page([BACKED])], load_model(str(first))).verdict == "supported"
    minicheck = build(tmp_path / "minicheck", None)  # two logits, no names: label 1
    assert load_model(str(minicheck)).label == 1
    onnx_file = str(minicheck / "model.onnx")
    assert support(CLAIM, [page([BACKED])], load_model(onnx_file)).verdict == "supported"
    joined = build(tmp_path / "joined", None, name="lytang/MiniCheck-RoBERTa-Large")
    model = load_model(str(joined))
    assert model.joiner == "[SEP]" and model.label == 1
    encoded = model.tokenizer.encode(f"{BACKED}{model.joiner}{CLAIM}")
    assert set(encoded.type_ids) == {0} and encoded.tokens.count("[SEP]") == 2
    assert support(CLAIM, [page([BACKED])], model).verdict == "supported"
    assert support(CLAIM, [page(FILLER)], model).verdict == "unsupported"
    assert load_model(str(minicheck)).joiner is None
    three = build(tmp_path / "three", {0: "NEUTRAL", 1: "ENTAILMENT"})
    (three / "config.json").write_text(json.dumps({"id2label": {"0": "a", "1": "b", "2": "c"}}))
    with pytest.raises(ConfigError, match="which label is entailment"):
        load_model(str(three))


def test_bad_paths_and_a_missing_extra_are_one_config_error(
    tmp_path: Path, nli: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match=r"no model\.onnx"):
        load_model(str(tmp_path / "nowhere"))
    (nli / "tokenizer.json").rename(nli / "moved.json")
    with pytest.raises(ConfigError, match=r"no tokenizer\.json"):
        load_model(str(nli))
    (nli / "moved.json").rename(nli / "tokenizer.json")
    (nli / "model.onnx").write_bytes(b"not a graph")
    with pytest.raises(ConfigError, match="cannot load"):
        load_model(str(nli))
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ConfigError, match=r"pip install 'citecheck\[model\]'"):
        load_model(str(nli))


def _article(folder: Path, sentences: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "town.txt"
    path.write_text(
        f"{CLAIM} [1]\n\nReferences:\n1. Town news. https://example.org/town\n", "utf-8"
    )
    (folder / "town.sources").mkdir(exist_ok=True)
    (folder / "town.sources" / "1.txt").write_text("\n".join(sentences) + "\n", "utf-8")
    return path


def _verify(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citecheck", "verify", "--offline", "--format", "json", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_verify_takes_the_model_from_the_option_or_the_config(tmp_path: Path, nli: Path) -> None:
    article = _article(tmp_path / "a", [*FILLER[:4], BACKED])
    lexical = json.loads(_verify(str(article), cwd=tmp_path).stdout)
    given = _verify(str(article), "--support-model", str(nli), cwd=tmp_path)
    (claim,) = json.loads(given.stdout)["files"][0]["claims"]
    assert claim["verdict"] == "supported" and claim["score"] > 0.99
    assert BACKED in claim["evidence"][0]["text"]
    assert claim != lexical["files"][0]["claims"][0]
    (tmp_path / "a" / "citecheck.toml").write_text(f'support-model = "{nli}"\n', "utf-8")
    configured = json.loads(_verify(str(article), cwd=tmp_path / "a").stdout)
    assert configured["files"][0]["claims"] == [claim]


def test_verify_with_a_bad_model_says_so_in_one_line(tmp_path: Path) -> None:
    article = _article(tmp_path / "a", [BACKED])
    done = _verify(str(article), "--support-model", str(tmp_path / "missing"), cwd=tmp_path)
    assert done.returncode == 2 and not done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no model.onnx" in lines[0] and "Traceback" not in done.stderr

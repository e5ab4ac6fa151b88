"""Citation-Integrity (Sarol et al., Bioinformatics 2024) read as WiCE-style records.

Biomedical citing sentences, each with passages of the paper it cites, labelled SUPPORT,
REFUTE, or no evidence (not enough information). The copy used is the SciFact-format one of
the repository jedick/MLE-capstone-project (``data/citint/``: ``claims_train.jsonl``,
``claims_dev.jsonl``, ``claims_test.jsonl``, ``corpus.jsonl``), commit ``MANIFEST``; it is
read from a folder outside the project (e.g. ``/work/realdocs/citint``), never copied in::

    git -C MIRROR show 667a81990e0613998e8c3856603487269f21e91d:data/citint/corpus.jsonl

Each record becomes ``{"claim", "evidence", "label", "meta": {"id", "claim_title"}}`` as
``wice.load`` gives: ``evidence`` the cited passages (title first when there is one), label
``supported`` for SUPPORT and ``not_supported`` otherwise (there is no partial label), and
``claim_title`` a group key for cross-validation: the first passage of the cited paper, so
claims citing the same passages share a fold. Citation placeholders (``[<|cit|>]``,
``<|multi_cit|>``) are removed from the claims.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

MANIFEST = {
    "repo": "jedick/MLE-capstone-project",
    "commit": "667a81990e0613998e8c3856603487269f21e91d",
    "path": "data/citint/",
}
SPLITS = ("train", "dev", "test")
_BRACKETED = re.compile(r"\s*[\[(][^\[\]()]*<\|\w+\|>[^\[\]()]*[\])]")
_PLACEHOLDER = re.compile(r"\s*<\|\w+\|>")


def clean(claim: str) -> str:
    """A citing sentence without its citation placeholders."""
    claim = _PLACEHOLDER.sub("", _BRACKETED.sub("", claim))
    return " ".join(claim.split())


def load(folder: Path, split: str) -> list[dict[str, Any]]:
    """Read one split (``train``, ``dev`` or ``test``) as WiCE-style records."""
    corpus = {}
    with (folder / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                doc = json.loads(line)
                corpus[doc["doc_id"]] = doc
    records = []
    with (folder / f"claims_{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            claim = json.loads(line)
            labels = {e["label"] for v in claim["evidence"].values() for e in v}
            docs = [corpus[d] for d in claim["cited_doc_ids"] if d in corpus]
            if not docs:
                continue
            evidence = [
                s for d in docs for s in ([d["title"]] if d["title"] else []) + d["abstract"]
            ]
            records.append(
                {
                    "claim": clean(claim["claim"]),
                    "evidence": evidence,
                    "label": "supported" if labels == {"SUPPORT"} else "not_supported",
                    "meta": {"id": f"{split}{claim['id']}", "claim_title": evidence[0][:200]},
                }
            )
    return records

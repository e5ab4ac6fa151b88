"""JUnit XML: one test case per checked file, failing with its findings; unreadable files
are test cases in error; with ``--fail-under``, one more test case, ``claim coverage``,
fails when the coverage is below it. CI systems that read test reports show each.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from citecheck.cli.formats.concise import line
from citecheck.report import FailUnder, FileReport, Report, fail_under_message
from citecheck.text.recache import lazy

_RANK = {"info": 0, "warning": 1, "error": 2}
# Characters XML 1.0 cannot carry at all (form feeds from paginated text, for example).
_NOT_XML = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(file: FileReport) -> ET.Element:
    path = _xml(file.path)
    case = ET.Element("testcase", classname="citecheck", name=path, file=path)
    if file.findings:
        worst = max((f.severity for f in file.findings), key=_RANK.__getitem__)
        n = len(file.findings)
        failure = ET.SubElement(
            case, "failure", message=f"{n} finding{'s' if n != 1 else ''}", type=worst
        )
        failure.text = _xml("".join(line(f) + "\n" for f in file.findings))
    return case


def _coverage_case(verdict: FailUnder) -> ET.Element:
    case = ET.Element("testcase", classname="citecheck", name="claim coverage")
    if verdict.failed:
        ET.SubElement(case, "failure", message=fail_under_message(verdict), type="fail-under")
    return case


def render(report: Report, out: TextIO, color: bool = False, width: int | None = None) -> None:
    """Write the report as a JUnit XML document."""
    cases = [_case(f) for f in report.files]
    for problem in report.errors:
        path = _xml(problem.path)
        case = ET.Element("testcase", classname="citecheck", name=path, file=path)
        ET.SubElement(case, "error", message=_xml(problem.message), type="input-error")
        cases.append(case)
    verdict = report.summary.fail_under
    if verdict is not None:
        cases.append(_coverage_case(verdict))
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(1 for c in cases if c.find("failure") is not None)),
        "errors": str(len(report.errors)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", {"name": "citecheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "citecheck", **counts})
    suite.extend(cases)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")

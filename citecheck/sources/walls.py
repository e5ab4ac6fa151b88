"""Pages that are not the article: bot walls (``blocked``) and JavaScript shells (``empty``).

The bot-wall signatures are those of the common services (Cloudflare's ``cf-mitigated``
header and challenge platform, DataDome's captcha host, PerimeterX's ``px-captcha``,
Akamai's "Access Denied … Reference #", Imperva's "Pardon Our Interruption", Amazon's robot
check). A JavaScript shell is what a single-page application serves before its scripts
run: an empty mount point (``<div id="root"></div>``, ``__next``, ``app``…) or a
``<noscript>`` asking for JavaScript, and next to no text of its own.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

_CHALLENGE = lazy(
    r"/cdn-cgi/challenge-platform/|captcha-delivery\.com|px-captcha|_Incapsula_Resource|"
    r"Enable JavaScript and cookies to continue|"
    r"<title>\s*(?:Just a moment\.\.\.|Attention Required! \| Cloudflare|Access Denied|"
    r"Pardon Our Interruption|Robot Check|Are you a robot\?|Security Check|"
    r"Checking your browser[^<]*|Verifying you are human[^<]*)\s*</title>",
    re.I,
)


def bot_wall(headers: dict[str, str], html: str, text_chars: int) -> str | None:
    """Why this HTML response is a bot wall, or ``None`` when it reads as a page.

    ``headers`` have lower-case names; ``text_chars`` is the length of the extracted main
    text: a long article that merely mentions a captcha is not a wall.
    """
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "a bot challenge (Cloudflare) stood in front of the page"
    if text_chars > 1500:
        return None
    found = _CHALLENGE.search(html[:200_000])
    if found:
        what = re.sub(r"</?title>|\s+", " ", found.group(0)).strip()
        return f"a bot wall stood in front of the page ({what[:60]})"
    return None


_MOUNT = lazy(
    r"<(?:div|main|section|app-root)\b[^>]*\bid\s*=\s*[\"']?"
    r"(?:root|app|__next|__nuxt|___gatsby|svelte|main-app|application|react-root|ember-app)"
    r"[\"']?[^>]*>\s*(?:<!--.*?-->\s*)*</(?:div|main|section|app-root)>|<app-root\b[^>]*>\s*</app-root>",
    re.I | re.S,
)
_ASKS_FOR_SCRIPT = lazy(
    r"(?:enable|turn on|activate|allow)\s+javascript|javascript\s+(?:is\s+)?"
    r"(?:required|disabled|must be enabled|needs to be enabled)|requires\s+javascript|"
    r"doesn't work properly without javascript|without javascript enabled",
    re.I,
)
_NOSCRIPT = lazy(r"<noscript\b[^>]*>(.*?)</noscript>", re.I | re.S)
SHELL_TEXT = 400
"""Characters of extracted text below which a page with a shell's marks is a shell."""


def script_shell(html: str, text: str) -> str | None:
    """Why this page is a JavaScript shell with no text of its own, or ``None``.

    ``text`` is the extracted main text. A page is a shell when that text is shorter than
    :data:`SHELL_TEXT` characters, the page loads scripts, and it has an empty mount point,
    a ``<noscript>`` asking for JavaScript, or text that does.
    """
    if len(text.strip()) >= SHELL_TEXT or "<script" not in html.lower():
        return None
    asks = _ASKS_FOR_SCRIPT.search(text) or any(
        _ASKS_FOR_SCRIPT.search(m.group(1)) for m in _NOSCRIPT.finditer(html[:2_000_000])
    )
    if asks or _MOUNT.search(html[:2_000_000]):
        return "the page is drawn by JavaScript; its HTML holds no article text to check"
    return None

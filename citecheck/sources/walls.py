"""Bot walls: a challenge page served instead of the article, which is ``blocked``, not text.

The signatures are those of the common services (Cloudflare's ``cf-mitigated`` header and
challenge platform, DataDome's captcha host, PerimeterX's ``px-captcha``, Akamai's
"Access Denied … Reference #", Imperva's "Pardon Our Interruption", Amazon's robot check).
"""

from __future__ import annotations

import re

_CHALLENGE = re.compile(
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

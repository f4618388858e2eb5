"""What the view tests read out of a written page: its data blocks, joined as the page's script joins them."""

import json
import re

DATA = re.compile(r'<script id="dipkg-data" type="application/json">(.*?)</script>', re.S)
DETAILS = re.compile(r'<script id="dipkg-details" type="application/json">(.*?)</script>', re.S)


def page_data(page: str) -> dict:
    match, details = DATA.search(page), DETAILS.search(page)
    assert match and details
    data, more = json.loads(match.group(1)), json.loads(details.group(1))
    for ref, facts in more.pop("facts").items():
        data["catalog"][int(ref)]["f"] = facts
    return {**data, **more}

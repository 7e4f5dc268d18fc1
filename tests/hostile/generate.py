#!/usr/bin/env python3
"""Writes tests/hostile/corpus.jsonl: odd and hostile input for every entry point.

Run it from anywhere (`python3 tests/hostile/generate.py`); the corpus is committed, so
the tests never run this. One JSON object a line (ASCII only, every other character
escaped, so control characters and bidi overrides are visible in review):

  {"kind": "text", "name": "...", "input": "...", "repeat": 1}
      a message; `input` repeated `repeat` times (1 MB inputs stay small here)
  {"kind": "chat", "name": "...", "turns": ["...", ...]}
      messages of one conversation, in order
  {"kind": "callback", "name": "...", "input": "..."}
      a button payload, as Telegram or Discord would deliver it (any string)
  {"kind": "position", "name": "...", "lat": "...", "lon": "..."}
      a shared position; numbers as strings, so that NaN and infinities fit
  {"kind": "now", "name": "...", "input": "...", "valid": false}
      a `--now` value: invalid ones are refused with exit code 2, valid extremes answer
"""

import json
import os
import unicodedata

ENTRIES = []


def text(name, value, repeat=1):
    ENTRIES.append({"kind": "text", "name": name, "input": value, "repeat": repeat})


def chat(name, turns):
    ENTRIES.append({"kind": "chat", "name": name, "turns": turns})


def callback(name, value):
    ENTRIES.append({"kind": "callback", "name": name, "input": value})


def position(name, lat, lon):
    ENTRIES.append({"kind": "position", "name": name, "lat": lat, "lon": lon})


def now(name, value, valid):
    ENTRIES.append({"kind": "now", "name": name, "input": value, "valid": valid})


def splitting_characters():
    """Every character whose compatibility decomposition, folded as Boussole folds text
    (NFKD, combining marks dropped, lower case), holds two words or more: "℀" is
    "a/c", "½" is "1⁄2", "㏂" is "a.m."."""
    return [
        chr(cp)
        for cp in range(0x80, 0x110000)
        if unicodedata.category(chr(cp)) not in ("Cs", "Co", "Cn")
        and len(folded_runs(chr(cp))) >= 2
    ]


def markup():
    telegram = [
        "<b>escape game</b> à <i>Nice</i>",
        '<a href="javascript:alert(1)">visite</a> à Brest',
        "<b><i>non fermé",
        "</b></i></a>",
        "&amp; &lt;b&gt; &#x3c;script&#x3e; &nbsp;",
        "<script>alert('x')</script> lycéens",
        '<a href="tg://user?id=1">@admin</a>',
        "<pre><code class=\"language-rust\">fn main(){}</code></pre>",
        "<tg-spoiler>secret</tg-spoiler> visites",
        "<blockquote expandable>citation</blockquote>",
        "<",
        ">",
        "&",
        "<<<<>>>>",
    ]
    markdown = [
        "*gras* _italique_ __souligné__ ~barré~ ||spoiler|| `code`",
        "```\nbloc de code\n```",
        "[lien](javascript:alert(1)) près de Lyon",
        "[](<>) ![img](http://x)",
        "\\*échappé\\* \\_",
        "# Titre\n## Sous-titre\n> citation",
        "**", "__", "~~", "||", "``", "\\",
        "_*[]()~`>#+-=|{}.!",
    ]
    discord = [
        "@everyone des visites ?",
        "@here escape game",
        "<@123456789012345678> salut",
        "<@!123456789012345678> aide",
        "<@&987654321098765432> ping du rôle",
        "<#123456789012345678> le salon",
        "<:usine:123456789012345678> <a:anim:1>",
        "<t:1732176000:F> à quelle heure ?",
        "<@", "<@>", "<@!>", "<@abc>",
        "> citation\n>>> bloc",
        "-# petit texte",
    ]
    for i, value in enumerate(telegram):
        text(f"telegram html {i}", value)
    for i, value in enumerate(markdown):
        text(f"markdown {i}", value)
    for i, value in enumerate(discord):
        text(f"discord {i}", value)


def query_syntax():
    for i, value in enumerate([
        "title:*", "*", "?", "+escape -game", '"non fermé', "a AND OR NOT b",
        "date:[2024 TO 2025]", "visite~2", "usine^10", "(((((", ")))))",
        "field:", ":", "\\", "NOT", "AND AND AND", "IN [a b]", "$", "a:b:c:d",
        "title:escape AND description:game", "kind:event", "/regex.*/",
        "*:*", "~", "^", "{a TO b}", "-", "+",
    ]):
        text(f"tantivy query {i}", value)


def sql_and_formats():
    for i, value in enumerate([
        "'; DROP TABLE events; --", "1 OR 1=1", "' OR '1'='1", "\" OR \"\"=\"",
        "UNION SELECT * FROM users", "; SELECT pg_sleep(10); --", "%' --",
        "admin'--", "1; DELETE FROM conversations", "' AND SLEEP(5) AND '",
    ]):
        text(f"sql {i}", value)
    for i, value in enumerate([
        "%s%s%s%s%s%n", "%x %x %x %x", "{0} {1} {}", "{}", "{:?}", "{{}}", "}}{{",
        "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "%(name)s", "%-99999999s",
        "$(reboot)", "`id`",
    ]):
        text(f"format string {i}", value)


def big():
    text("1 MB of one word", "usine ", 175_000)
    text("1 MB of one letter", "a", 1_000_000)
    text("1 MB of accents", "é", 500_000)
    text("1 MB of a splitting character", "\u2100", 350_000)
    text("1 MB of inclusive spellings", "lycéen·ne·s ", 80_000)
    text("1 MB of numeric dates", "1/1/", 250_000)
    text("1 MB of days", "le 29 ", 170_000)
    text("1 MB of SMS words", "ya koi pr ", 100_000)
    text("1 MB of place cues", "près de Brest ", 70_000)
    text("1 MB of invisible characters", "\u200b", 350_000)
    text("1 MB of emoji", "\U0001f3ed", 250_000)
    text("one 2,000-letter word", "a", 2_000)
    text("three 650-letter words", "x" * 650 + " " + "y" * 650 + " " + "z" * 650)
    text("a 10,000-letter word", "industrie", 1_112)
    text("a word of 64 accented letters", "é" * 64)
    text("2,000 digits", "9", 2_000)
    text("a 5,000-digit number of km", "à " + "9" * 5_000 + " km de Brest")
    text("400 unknown words", "zorglub ", 400)
    text("300 misspelled places", "Toulouze Nise Brets ", 100)
    text("a long question, cut", "des visites d'usine pour les lycéens près de Brest ", 60)


def controls():
    for i, value in enumerate([
        "\x00", "\x00escape\x00game\x00", "\x01\x02\x03\x04\x05\x06\x07",
        "\x08\x08\x08visite", "\x1b[2J\x1b[H", "\x1b]0;titre\x07", "\x7f\x7f",
        "\t\t\tescape\tgame", "\r\nvisites\r\n", "\v\f", "\x85\x9b\x9c",
        "\u0080\u009f", "ligne 1\nligne 2\nligne 3", "\r", "\n", "\n\n\n",
        "\x00" * 100, "a\x00b\x00c", "\x1b[31mrouge\x1b[0m à Lyon", "\ud7ff\ue000\uf8ff",
    ]):
        text(f"control characters {i}", value)


def bidi_and_invisible():
    for i, value in enumerate([
        "\u202eemag epacse", "\u202descape game\u202c", "\u2066Brest\u2069",
        "\u2067\u2068lycéens\u2069", "\u200e\u200fvisite", "\u061c\u2066\u202e",
        "événements à \u202eLyon", "\u202a\u202b\u202c\u202d\u202e",
        "\u2028séparateur de ligne\u2029", "abc\u202e123",
    ]):
        text(f"bidi {i}", value)
    for i, value in enumerate([
        "esc\u200bape game", "Br\u200dest", "ly\u200ccéens", "\u2060visite\u2060",
        "\ufeffescape game", "\u00adlycéens\u00ad", "\u200b" * 50, "\u180e\u3164\u115f",
        "\u034f\u17b4\u17b5", "Ni\u200bce",
    ]):
        text(f"zero width {i}", value)


def combining():
    for i, value in enumerate([
        "e" + "\u0301" * 1_000,
        "a" + "\u0300\u0301\u0302\u0303\u0304" * 2_000,
        "Z\u0335\u0322\u0327\u031b\u0353\u0319\u0359 \u0338\u0321a\u0315\u034el\u0334g\u0337o",
        "\u0301\u0301\u0301",
        "\u0301escape",
        "l\u0308y\u0308c\u0308e\u0308e\u0308n\u0308s",
        "\u20dd\u20de\u20df",
        "\u0e49\u0e49\u0e49\u0e49",
        "\u1dc0" * 300,
        "Bre\u0301st" * 50,
    ]):
        text(f"combining marks {i}", value)


def emoji():
    for i, value in enumerate([
        "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
        "\U0001f1eb\U0001f1f7\U0001f1ea\U0001f1fa",
        "\U0001f44b\U0001f3fd\U0001f44b\U0001f3ff",
        "1\ufe0f\u20e3 2\ufe0f\u20e3 #\ufe0f\u20e3",
        "\U0001f1e6" * 31,
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        "\U0001f3ed\U0001f916\u26a1 escape game \U0001f510",
        "\u2764\ufe0f\u200d\U0001f525",
        "\U0001f9d1\u200d\U0001f3ed",
        "\U0001f6b2" * 500,
        "\ufe0f\ufe0e\ufe0f",
        "\U0001f3ed à Brest \U0001f3ed",
        "\U0001fae0\U0001fae1\U0001fae2",
        "\u0023\u20e3",
        "\U0001f9d1\U0001f3fb\u200d\U0001f91d\u200d\U0001f9d1\U0001f3ff",
    ]):
        text(f"emoji {i}", value)


def scripts():
    for i, value in enumerate([
        "\u0412rest", "\u0435scape g\u0430me", "Π\u03b1ρ\u03b9\u03c2", "\u0628\u0631\u0633\u062a",
        "\u05d1\u05e8\u05e1\u05d8", "\u5e03\u96f7\u65af\u7279 \u5de5\u5382", "\u092c\u094d\u0930\u0947\u0938\u094d\u091f",
        "\u0e1a\u0e23\u0e40\u0e2a\u0e15", "\ud55c\uad6d\uc5b4 \ud14c\uc2a4\ud2b8", "\u30d6\u30ec\u30b9\u30c8",
        "escape \u0433\u0435\u0439\u043c \u00e0 N\u0456ce", "\u1e9e\u00df\u1e9e lyc\u00e9ens",
        "\u0130stanbul \u0131", "\U0001d400\U0001d41b\U0001d41c Brest", "\uff25\uff53\uff43\uff41\uff50\uff45 \uff47\uff41\uff4d\uff45",
    ]):
        text(f"mixed scripts {i}", value)


def folded_runs(c):
    """The words a character folds into, as Boussole folds text."""
    folded = "".join(
        x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)
    ).lower()
    runs, current = [], ""
    for x in folded:
        if x.isalnum():
            current += x
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs


def sms_words():
    """The SMS words of data/thesaurus.toml, folded."""
    import tomllib

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "../../data/thesaurus.toml"), "rb") as f:
        return sorted(tomllib.load(f)["sms"])


def compatibility():
    sms = sms_words()
    for c in splitting_characters():
        code = f"U+{ord(c):04X}"
        text(f"splitting {code} between letters", f"y{c}b")
        text(f"splitting {code} beside SMS words", f"ya{c}koi pr{c}les")
        runs = folded_runs(c)
        # Two SMS words that meet inside the character: the first ends with its first
        # word, the second starts with its second ("y℀b" is "ya" and "cb").
        for first in (w for w in sms if w.endswith(runs[0])):
            for second in (w for w in sms if w.startswith(runs[1])):
                typed = first[: -len(runs[0])] + c + second[len(runs[1]) :]
                text(f"splitting {code} inside SMS words {first} and {second}", typed)
    text("every splitting character at once", "".join(splitting_characters()))
    for i, value in enumerate(["\ufb01n", "\u2474 visite", "\u2460\u2461\u2462", "\u3250", "\u33a2 de Lyon", "\ufdfd", "\u2163 lyc\u00e9es"]):
        text(f"compatibility {i}", value)


def out_of_range():
    for i, value in enumerate([
        "le 1/1/99999", "en décembre 2100", "en décembre 3000", "à 2,999 km de Brest",
        "jeudi 99", "le 31 février", "le 30/02", "le 0 novembre", "le 45/11",
        "à 0 km de Lyon", "à 0,0 km de Lyon", "à 99999999999999999999 km de Nice",
        "à -5 km de Brest", "à 5000 km de Brest", "à 1 000 000 km de Paris",
        "le 99999999999999999999", "plus d'infos sur le 99999999999999999999",
        "le 1er janvier 1850", "du 45 au 50 novembre", "du 22 au 18 novembre",
        "lundi 0", "le 29 février 2023", "le 32/13/2024", "jeudi 31", "à 1e308 km de Nice",
    ]):
        text(f"out of range {i}", value)
    chat("plus loin forty times", ["escape game à Brest"] + ["plus loin"] * 40)
    chat("plus loin a thousand times", ["visites près de Lyon"] + ["plus loin"] * 1_000)
    chat("suivants a hundred times", ["visites"] + ["suivants"] * 100)
    chat("follow-ups without a list", ["le 2", "suivants", "plus loin", "et à Nice ?", "le dernier"])
    chat("refinements", ["escape game", "et à Nice ?", "et pour les collégiens ?", "et près de moi ?", "et le 31 février ?"])


def callbacks():
    for i, value in enumerate([
        "", "d:", "d:0", "d:-1", "d:1.5", "d:99999999999999999999", "d:1001", "c:", "c:abc",
        "c:0", "c:999", "q:", "q:" + "é" * 200, "q:" + "\x00" * 10, "n:1", "zz", "\x00",
        "w ", " m", "m\n", "d:1\x00", "D:1", "d::1", "q:plus loin", "q:\u202e", "q:le 1/1/99999",
        "n", "w", "m", "d:1", "c:1", "q:escape game", "\U0001f3ed", "x" * 10_000,
    ]):
        callback(f"callback {i}", value)


def positions():
    for i, (lat, lon) in enumerate([
        ("NaN", "NaN"), ("inf", "0"), ("-inf", "-inf"), ("91", "0"), ("-90.0000001", "0"),
        ("0", "181"), ("0", "-180.5"), ("1e308", "1e308"), ("-0.0", "-0.0"), ("0", "0"),
        ("90", "180"), ("-90", "-180"), ("5e-324", "5e-324"), ("48.40", "-4.49"),
        ("48.390294", "-4.486281"), ("-21.11", "55.53"), ("NaN", "2.35"),
    ]):
        position(f"position {i}", lat, lon)


def clocks():
    for i, value in enumerate([
        "", "demain", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "9999-99-99",
        "0000-00-00T00:00:00Z", "2024-11-18T25:00:00+01:00", "2024-11-18T09:00:00+99:00",
        "+002024-11-18T09:00:00Z", "2024-11-18", "1e9", "  ", "2024-11-18T09:00:00+01:00 x",
        "2024-11-18T09:00:00+01:00" * 100, "\u202e2024-11-18T09:00:00Z", "2024-11-18T09:60:00Z",
    ]):
        now(f"invalid now {i}", value, False)
    for i, value in enumerate([
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+23:59", "9999-12-31T23:59:59-23:59",
        "2024-02-29T23:59:60Z", "1970-01-01T00:00:00Z",
    ]):
        now(f"extreme now {i}", value, True)


def main():
    for part in [markup, query_syntax, sql_and_formats, big, controls, bidi_and_invisible,
                 combining, emoji, scripts, compatibility, out_of_range, callbacks,
                 positions, clocks]:
        part()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "corpus.jsonl"), "w", encoding="ascii") as out:
        for entry in ENTRIES:
            out.write(json.dumps(entry, ensure_ascii=True) + "\n")
    print(f"{len(ENTRIES)} entries")


if __name__ == "__main__":
    main()

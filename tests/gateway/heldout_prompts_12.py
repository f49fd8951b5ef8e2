"""A thirteenth staff-prompt set (round 2 of issue 9): whole OpenAI chat conversations,
written before the detector ran on them (docs/benchmarks.md §3).

Each conversation is a list of messages (role, marked text) in the markup of
staff_prompts.py. A system prompt, several user and assistant turns, assistant tool calls
(``arguments`` as the JSON string a client sends) and ``tool`` results: a name given in one
turn and picked up by surname or given name alone in a later one, a number split across
turns, a tool result in JSON with the resident's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from .staff_prompts import Prompt, parse

Turn = tuple[str, str]  # (role, marked text); role "call" = assistant tool call arguments

# fmt: off
CONVERSATIONS: list[list[Turn]] = [
    [
        ("system", "あなたは青葉市市民課の職員を支援するアシスタントです。個人情報は要約に含めないでください。"),
        ("user", "窓口に⟦P:神保 早苗⟧さんという方が来ています。転入届の書き方を教えて。"),
        ("assistant", "承知しました。転入届には新住所、前住所、世帯主などを記入します。"),
        ("user", "前住所は⟦A:北区東十条三丁目5番2号⟧、新住所は⟦A:泉区高森2-1-40⟧です。⟦P:早苗⟧さんは世帯主です。"),
    ],
    [
        ("system", "You are an assistant for city hall staff. Answer in Japanese."),
        ("user", "相談者の名前は⟦P:Oliveira⟧、ファーストネームは⟦P:Bruno⟧です。"),
        ("assistant", "ありがとうございます。どのようなご相談でしょうか。"),
        ("user", "電話番号は⟦T:090⟧から始まって、続きは"),
        ("user", "⟦T:3318-2270⟧です。折り返しの案内文を作って。"),
    ],
    [
        ("user", "前回の続きです。⟦P:三ツ矢⟧さんの件。"),
        ("assistant", "三ツ矢様の件ですね。前回は介護保険の申請についてでした。"),
        ("user", "そう。お母さんの⟦P:三ツ矢 ハル⟧さん（⟦B:大正14年⟧生まれ）の認定調査の日程を調整したい。"),
    ],
    [
        ("system", "職員向けアシスタント。検索ツール lookup_resident を使ってよい。"),
        ("user", "宛名番号⟦N:004417726⟧の世帯の国保税額を確認して。"),
        ("call", "{\"atena_no\": \"⟦N:004417726⟧\"}"),
        ("tool", "{\"name\": \"⟦P:越智 康弘⟧\", \"address\": \"⟦A:宮城野区鶴ケ谷1丁目14-3⟧\", \"tel\": \"⟦T:022-252-7314⟧\", \"tax\": 83200}"),
        ("assistant", "この世帯の国保税額は83,200円です。"),
        ("user", "ありがとう。⟦P:越智⟧さんあての通知文を作って。"),
    ],
    [
        ("user", "メール下書きを手伝って。宛先は⟦P:ほりうち⟧さん。"),
        ("assistant", "承知しました。ご用件を教えてください。"),
        ("user", "漢字は⟦P:堀内 きよみ⟧。メールは⟦E:kiyomi.h@example.net⟧。生年月日は⟦B:S41.2.19⟧。本人確認の案内を。"),
    ],
    [
        ("system", "あなたは保育課の職員を手伝います。"),
        ("user", "入所申込の内容：児童 ⟦P:新垣 琉生⟧（⟦B:R3.7.7⟧生）、保護者 ⟦P:新垣 美咲⟧。"),
        ("assistant", "入所申込の内容を確認しました。"),
        ("user", "きょうだいの⟦P:琉花⟧ちゃんは既に在園。加点になるか教えて。"),
        ("assistant", "きょうだいが在園している場合、多くの自治体で加点があります。"),
        ("user", "父は⟦P:新垣 翼⟧、単身赴任で⟦A:那覇市久茂地2-3-1⟧在住。"),
    ],
    [
        ("user", "次の通話記録を要約して"),
        ("user", "職員：お名前は？\n市民：⟦P:アブドゥル・ラフマン⟧です。\n職員：ご連絡先は？\n市民：⟦T:080-9901-4426⟧です。"),
        ("assistant", "要約：アブドゥル・ラフマン様から連絡がありました。"),
        ("user", "要約に名前を入れないで、もう一度。"),
    ],
    [
        ("system", "個人番号は扱わないこと。"),
        ("user", "届出人 ⟦P:Liu Yang⟧ 様、在留カード番号 ⟦N:UH48213570SD⟧、住所 ⟦A:太白区長町5-2-8⟧。"),
        ("call", "{\"name\": \"⟦P:Liu Yang⟧\", \"card\": \"⟦N:UH48213570SD⟧\"}"),
        ("tool", "該当者：⟦P:劉 洋⟧（⟦B:1990年10月3日⟧生）、在留期限 2027年3月"),
        ("user", "在留期限の更新案内を書いて。"),
    ],
]
# fmt: on


@dataclass(frozen=True)
class Conversation:
    body: dict[str, object]
    prompt: Prompt  # every turn's text joined, with every item, for the leak check


def conversations() -> list[Conversation]:
    out: list[Conversation] = []
    for n, turns in enumerate(CONVERSATIONS):
        messages: list[dict[str, object]] = []
        for role, marked in turns:
            text = parse(marked).text
            if role == "call":
                call = {
                    "id": f"call_{n}",
                    "type": "function",
                    "function": {"name": "lookup_resident", "arguments": text},
                }
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
            elif role == "tool":
                messages.append({"role": "tool", "tool_call_id": f"call_{n}", "content": text})
            else:
                messages.append({"role": role, "content": text})
        joined = parse("\n".join(marked for _, marked in turns))
        out.append(Conversation({"model": "onprem", "messages": messages}, joined))
    return out

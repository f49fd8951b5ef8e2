"""Red team rt4 (blind set, written and committed before its first run): residents' questions
with a Latin-script name and no cue (no "I'm", "my name is", Mr/Ms, さん), and questions with
capitalised words that are not names (places of the demo city and Japan, months, weekdays,
brands, municipal terms) that must stay readable in the question log.

Names are invented from many origins (Yoruba, Igbo, Vietnamese without diacritics, Nepali,
Filipino, Brazilian, Indonesian single names, Mongolian); each part was grepped in src/ before
the run. See docs/benchmarks.md §3 "Latin names without a cue (rt4)".
"""

from __future__ import annotations

# (question, name parts that must not be visible in the stored question)
NAMES: list[tuple[str, tuple[str, ...]]] = [
    # after "for"
    ("Child allowance for Adetokunbo Olabisi please", ("Adetokunbo", "Olabisi")),
    ("Is there a school lunch subsidy for Temitope Ajayi-Bello?", ("Temitope", "Ajayi-Bello")),
    ("I need a residence certificate for Vo Ngoc Phuong Thao.", ("Phuong", "Thao")),
    ("Vaccination booking for Hoang Minh Khoi, age 2", ("Hoang", "Khoi")),
    ("Nursery application for Sujata Bhandari, is it late?", ("Sujata", "Bhandari")),
    ("Can you check the bus pass for Dindo Macapagal", ("Dindo", "Macapagal")),
    ("Medical subsidy card for Sulistyowati", ("Sulistyowati",)),
    ("Health check for Tsetsegmaa Purevsuren next week?", ("Tsetsegmaa", "Purevsuren")),
    # after "of" / "from"
    ("What is the status of Rafaela Guimaraes Tavares' application?", ("Rafaela", "Tavares")),
    ("The tax notice of Ikenna Nwosu came to my address", ("Ikenna", "Nwosu")),
    ("A letter from Batkhuyag Ochirbat about garbage", ("Batkhuyag", "Ochirbat")),
    ("Message from Prakriti Thapa Magar: when is the clinic open?", ("Prakriti", "Magar")),
    ("Got a call from Rodelio Pangilinan about his pension", ("Rodelio", "Pangilinan")),
    # signatures
    ("Please send me the moving-in form.\nRegards,\nOlumide Fashola", ("Olumide", "Fashola")),
    ("When is the next rubbish day? Thanks, Luong Duc Tuan", ("Luong", "Tuan")),
    ("How do I register my bicycle?\n\nBest,\nWidyaningrum", ("Widyaningrum",)),
    (
        "I lost my seal certificate. Sincerely, Khishigjargal Tumurbaatar",
        ("Khishigjargal", "Tumurbaatar"),
    ),
    ("Where is the nursery waiting list?\n- Kamala Dhakal", ("Kamala", "Dhakal")),
    ("Can I get a copy of the koseki? Cheers, Eduardo Bittencourt", ("Eduardo", "Bittencourt")),
    # bare pair in an English sentence
    ("Yetunde Olanrewaju needs a health insurance card", ("Yetunde", "Olanrewaju")),
    ("My son Phan Quoc Bao starts school in April, what forms?", ("Phan", "Quoc")),
    ("Pasang Sherpa and I moved to Aoba City last month", ("Pasang", "Sherpa")),
    ("Does Jhunrey Cabrera need to pay the resident tax?", ("Jhunrey", "Cabrera")),
    ("Is Setyaningsih eligible for the childcare subsidy?", ("Setyaningsih",)),
    ("Munkhzul Gantulga lost her residence card at the station", ("Munkhzul", "Gantulga")),
    ("Please tell Thiago Albuquerque Ramos the deadline", ("Thiago", "Albuquerque")),
    # Japanese text with a Latin name
    ("Adewale Ogunbiyi の国民健康保険の手続きを教えてください", ("Adewale", "Ogunbiyi")),
    ("保育園の申込み：Duong Ngoc Anh（4歳）", ("Ngoc", "Anh")),
    ("転入届は Bikash Lamichhane 本人が来ないとだめですか", ("Bikash", "Lamichhane")),
    ("子ども Maricris Dumalagan の予防接種について", ("Maricris", "Dumalagan")),
    ("Rogerio Vasconcelos Filho が住民票を取りたい", ("Rogerio", "Vasconcelos")),
    ("家族の Purwaningsih が病院に行きたい", ("Purwaningsih",)),
    # Chinese / Korean text with a Latin name
    ("请问 Erdenechimeg Baasanjav 的在留卡怎么更新？", ("Erdenechimeg", "Baasanjav")),
    ("我想给 Oluwaseun Adebanjo 申请儿童补贴", ("Oluwaseun", "Adebanjo")),
    ("Trinh Cong Hieu 의 건강보험 카드를 잃어버렸어요", ("Trinh", "Hieu")),
    ("Sunita Pokharel 어린이집 신청은 어디서 해요?", ("Sunita", "Pokharel")),
]

# (question, capitalised words that must stay readable in the stored question)
READABLE: list[tuple[str, tuple[str, ...]]] = [
    ("Is City Hall open on Saturday in December?", ("City Hall", "Saturday", "December")),
    ("Can I pay the Juminhyo fee with PayPay?", ("Juminhyo", "PayPay")),
    ("Where is Hello Work in Aoba City?", ("Hello Work", "Aoba City")),
    ("How do I renew my My Number Card at the Aoba Ward office?", ("My Number Card", "Aoba Ward")),
    ("Is there an NHK fee exemption for students?", ("NHK",)),
    ("Does a JLPT certificate help for Kokuho registration?", ("JLPT", "Kokuho")),
    ("Is there free Wi-Fi at the Sakura Town library?", ("Wi-Fi", "Sakura Town")),
    ("Can I get garbage reminders on LINE from Aoba Gomi Navi?", ("LINE", "Aoba Gomi Navi")),
    ("Which office of Mizuho Prefecture issues driving licences?", ("Mizuho Prefecture",)),
    ("Is the tax office closed during Golden Week?", ("Golden Week",)),
    ("Are garbage days different over Obon and New Year?", ("Obon", "New Year")),
    ("How do I join Kokumin Nenkin after quitting my job?", ("Kokumin Nenkin",)),
    ("I lost my Zairyu Card, where do I report it?", ("Zairyu Card",)),
    ("Where can I get a Boshi Techo in English?", ("Boshi Techo",)),
    ("Can I pay the resident tax at Seven Eleven or Family Mart?", ("Seven Eleven", "Family Mart")),
    ("Can the child allowance be paid into Japan Post Bank?", ("Japan Post Bank",)),
    ("Can I use Suica on the Aoba Transit bus?", ("Suica", "Aoba Transit")),
    ("Is the Coming-of-Age Day ceremony in January?", ("Coming-of-Age Day", "January")),
    ("Do you accept Apple Pay or Google Pay at the counter?", ("Apple Pay", "Google Pay")),
    ("Can I send the form by Microsoft Word or PDF?", ("Microsoft Word", "PDF")),
    ("Is the consultation by Zoom on Wednesday or Thursday?", ("Zoom", "Wednesday", "Thursday")),
    ("How far is Tokyo Station from Narita Airport by train?", ("Tokyo Station", "Narita Airport")),
    ("Is Mynaportal needed for the Furusato Nozei deduction?", ("Mynaportal", "Furusato Nozei")),
    ("Where do I put a broken Nintendo Switch in the rubbish?", ("Nintendo Switch",)),
    (
        "Does the Citizens Division accept Yucho Bank transfers?",
        ("Citizens Division", "Yucho Bank"),
    ),
    ("Is the Aoba Police station open on Sunday?", ("Aoba Police", "Sunday")),
    ("Where is the Clean Center in Sakura Town?", ("Clean Center", "Sakura Town")),
    ("Can I get a Koseki Tohon by post from Osaka?", ("Koseki Tohon", "Osaka")),
    ("Is the Hoikuen application deadline in February or March?", ("Hoikuen", "February", "March")),
    ("How do I get Shakai Hoken when I start at Toyota Motor?", ("Shakai Hoken", "Toyota Motor")),
    ("Does Uber Eats delivery count as income for Kokuho?", ("Uber Eats", "Kokuho")),
    ("Can I bring Daiso shelves to the Oversized Garbage day?", ("Daiso", "Oversized Garbage")),
    ("青葉市の City Hall は Saturday も開いていますか", ("City Hall", "Saturday")),
    ("My Number Card の更新は Aoba Ward でできますか", ("My Number Card", "Aoba Ward")),
    ("请问 Hello Work 在 Aoba City 哪里？", ("Hello Work", "Aoba City")),
    ("PayPay 로 Juminhyo 수수료를 낼 수 있어요?", ("PayPay", "Juminhyo")),
    ("Golden Week 中は Kokuho の窓口は休みですか", ("Golden Week", "Kokuho")),
    ("JLPT N2 と Hello Work の職業訓練について", ("JLPT", "Hello Work")),
]

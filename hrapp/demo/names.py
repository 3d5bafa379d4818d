"""Plausible Chinese personal names with their pinyin, drawn from a caller's seeded random generator."""
import itertools
import random

# Common surnames with pinyin and a rough relative frequency (王, 李, 张 and 刘 alone cover about a fifth of China).
SURNAMES: tuple[tuple[str, str, int], ...] = (
    ("王", "Wang", 72), ("李", "Li", 70), ("张", "Zhang", 66), ("刘", "Liu", 53), ("陈", "Chen", 46),
    ("杨", "Yang", 33), ("黄", "Huang", 24), ("赵", "Zhao", 22), ("吴", "Wu", 21), ("周", "Zhou", 20),
    ("徐", "Xu", 14), ("孙", "Sun", 14), ("马", "Ma", 13), ("朱", "Zhu", 13), ("胡", "Hu", 12),
    ("郭", "Guo", 12), ("何", "He", 11), ("林", "Lin", 10), ("高", "Gao", 10), ("罗", "Luo", 10),
    ("郑", "Zheng", 9), ("梁", "Liang", 9), ("谢", "Xie", 8), ("宋", "Song", 7), ("唐", "Tang", 7),
    ("许", "Xu", 6), ("韩", "Han", 6), ("冯", "Feng", 6), ("邓", "Deng", 6), ("曹", "Cao", 6),
    ("彭", "Peng", 5), ("曾", "Zeng", 5), ("肖", "Xiao", 5), ("田", "Tian", 5), ("董", "Dong", 5),
    ("袁", "Yuan", 5), ("潘", "Pan", 4), ("蒋", "Jiang", 4), ("蔡", "Cai", 4), ("余", "Yu", 4),
    ("杜", "Du", 4), ("叶", "Ye", 4), ("程", "Cheng", 4), ("苏", "Su", 4), ("魏", "Wei", 4),
    ("吕", "Lyu", 4), ("丁", "Ding", 3), ("任", "Ren", 3), ("沈", "Shen", 3), ("姚", "Yao", 3),
    ("卢", "Lu", 3), ("姜", "Jiang", 3), ("崔", "Cui", 3), ("钟", "Zhong", 3), ("谭", "Tan", 3),
    ("陆", "Lu", 3), ("汪", "Wang", 3), ("范", "Fan", 3), ("金", "Jin", 3), ("石", "Shi", 3),
    ("廖", "Liao", 3), ("贾", "Jia", 3), ("夏", "Xia", 3), ("付", "Fu", 2), ("方", "Fang", 2),
    ("白", "Bai", 2), ("邹", "Zou", 2), ("孟", "Meng", 2), ("熊", "Xiong", 2), ("秦", "Qin", 2),
    ("邱", "Qiu", 2), ("江", "Jiang", 2), ("尹", "Yin", 2), ("薛", "Xue", 2), ("段", "Duan", 2),
    ("雷", "Lei", 2), ("侯", "Hou", 2), ("龙", "Long", 2), ("史", "Shi", 2), ("陶", "Tao", 2),
    ("黎", "Li", 2), ("贺", "He", 2), ("顾", "Gu", 2), ("毛", "Mao", 2), ("郝", "Hao", 2),
    ("龚", "Gong", 2), ("邵", "Shao", 2), ("万", "Wan", 2), ("覃", "Qin", 1), ("武", "Wu", 1),
    ("戴", "Dai", 1), ("孔", "Kong", 1), ("欧阳", "Ouyang", 1), ("司马", "Sima", 1), ("诸葛", "Zhuge", 1),
)

MALE_CHARS: tuple[tuple[str, str], ...] = (
    ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
    ("杰", "jie"), ("涛", "tao"), ("斌", "bin"), ("超", "chao"), ("明", "ming"), ("刚", "gang"),
    ("平", "ping"), ("辉", "hui"), ("鹏", "peng"), ("华", "hua"), ("飞", "fei"), ("鑫", "xin"),
    ("波", "bo"), ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("健", "jian"), ("俊", "jun"),
    ("帆", "fan"), ("旭", "xu"), ("宁", "ning"), ("龙", "long"), ("林", "lin"), ("阳", "yang"),
    ("建", "jian"), ("国", "guo"), ("志", "zhi"), ("文", "wen"), ("博", "bo"), ("晨", "chen"),
    ("子", "zi"), ("轩", "xuan"), ("然", "ran"), ("睿", "rui"), ("泽", "ze"), ("昊", "hao"),
    ("天", "tian"), ("思", "si"), ("成", "cheng"), ("峰", "feng"), ("亮", "liang"), ("东", "dong"),
)

FEMALE_CHARS: tuple[tuple[str, str], ...] = (
    ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
    ("娟", "juan"), ("霞", "xia"), ("秀", "xiu"), ("英", "ying"), ("玲", "ling"), ("婷", "ting"),
    ("雪", "xue"), ("慧", "hui"), ("燕", "yan"), ("红", "hong"), ("梅", "mei"), ("琳", "lin"),
    ("颖", "ying"), ("倩", "qian"), ("洁", "jie"), ("佳", "jia"), ("欣", "xin"), ("怡", "yi"),
    ("萍", "ping"), ("丹", "dan"), ("璐", "lu"), ("晶", "jing"), ("月", "yue"), ("悦", "yue"),
    ("诗", "shi"), ("雨", "yu"), ("思", "si"), ("梦", "meng"), ("晓", "xiao"), ("文", "wen"),
    ("小", "xiao"), ("春", "chun"), ("桂", "gui"), ("兰", "lan"), ("凤", "feng"), ("琪", "qi"),
    ("涵", "han"), ("瑶", "yao"), ("薇", "wei"), ("菲", "fei"), ("嘉", "jia"), ("宁", "ning"),
)

_SURNAME_POOL = [(zh, py) for zh, py, _ in SURNAMES]
_SURNAME_CUM_WEIGHTS = list(itertools.accumulate(w for _, _, w in SURNAMES))


def surname(rng: random.Random) -> tuple[str, str]:
    """A surname (hanzi, pinyin), weighted by how common it is."""
    return rng.choices(_SURNAME_POOL, cum_weights=_SURNAME_CUM_WEIGHTS)[0]


def given_name(rng: random.Random, female: bool) -> tuple[str, str]:
    """A one- or two-character given name (hanzi, pinyin); about three in four have two characters."""
    pool = FEMALE_CHARS if female else MALE_CHARS
    first = rng.choice(pool)
    if rng.random() < 0.25:
        return first[0], first[1].capitalize()
    second = first
    while second == first:
        second = rng.choice(pool)
    return first[0] + second[0], (first[1] + second[1]).capitalize()


def person_name(rng: random.Random, female: bool, family: tuple[str, str] | None = None) -> tuple[str, str]:
    """(Chinese name, pinyin name "Wang Xiaoming"); `family` forces the surname (relatives)."""
    sur_zh, sur_py = family or surname(rng)
    giv_zh, giv_py = given_name(rng, female)
    return sur_zh + giv_zh, f"{sur_py} {giv_py}"

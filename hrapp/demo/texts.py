"""Assembles complete job descriptions: position-specific texts plus what follows from level and business unit."""
from hrapp.demo.data import DepartmentSpec, JobText, PositionSpec

# Fields that follow from the level of a position (authority, qualifications, general training).
LEVEL_TEXTS: dict[str, dict[str, str]] = {
    "gm": {
        "authority_financial": "审批本单位年度预算内的各项支出；预算外单笔5万元以内的支出，超出报集团审批。",
        "authority_personnel": "决定部门经理以下人员的聘用、晋升、调岗、奖惩和辞退；提名部门经理人选报集团任命。",
        "authority_business": "主持本单位经营管理，签署对外业务合同，决定价格策略和重大接待安排。",
        "education_required": "大学本科及以上学历，旅游管理、酒店管理或工商管理相关专业。",
        "education_ideal": "工商管理硕士（MBA）或旅游管理硕士。",
        "experience_required": "8年以上本行业工作经验，其中3年以上同类单位中高层管理经验。",
        "experience_ideal": "有品牌连锁企业总经理任职经历，主持过新项目筹开。",
        "competencies_required": "战略规划、组织领导、决策判断和对外协调能力强；诚信正直，作风稳健。",
        "competencies_ideal": "具备变革管理能力，在行业内有良好的资源和口碑。",
        "special_requirements": "能适应节假日和旺季在岗值守，24小时保持通讯畅通。",
        "training_general": "高级管理人员研修、经营分析与财务管理、劳动法规与合规经营（每年不少于24学时）。",
    },
    "manager": {
        "authority_financial": "审批本部门预算内的日常费用，单笔3000元以内；超出报总经理审批。",
        "authority_personnel": "对本部门员工的招聘、转正、调岗和奖惩提出意见；决定部门内的排班和工作分配。",
        "authority_business": "制订本部门工作程序和服务标准；在授权范围内处理投诉和给予宾客补偿。",
        "education_required": "大专及以上学历，相关专业。",
        "education_ideal": "大学本科学历，旅游、酒店或管理类专业。",
        "experience_required": "5年以上相关工作经验，其中2年以上主管或以上管理经验。",
        "experience_ideal": "在同等规模单位担任部门经理2年以上。",
        "competencies_required": "计划组织、团队管理、沟通协调和问题解决能力；以身作则，公正严明。",
        "competencies_ideal": "具备数据分析和成本控制能力，善于培养下属。",
        "special_requirements": "经常在节假日和周末值班，余假在客流较少时补休。",
        "training_general": "管理技能、绩效考核与员工辅导、劳动法规、服务质量管理（每年不少于20学时）。",
    },
    "supervisor": {
        "authority_financial": "无审批权；可申请本班组物料和备用金领用。",
        "authority_personnel": "检查下属出勤和纪律，记录违纪并提出奖惩建议；参与新员工的转正评估。",
        "authority_business": "现场督导并纠正不规范操作；在授权范围内处理一般投诉。",
        "education_required": "大专及以上学历。",
        "education_ideal": "大专以上学历，旅游或酒店管理专业。",
        "experience_required": "3年以上本岗位工作经验，其中1年以上领班或带教经验。",
        "experience_ideal": "在星级酒店或5A级景区担任主管1年以上。",
        "competencies_required": "督导、培训和沟通能力，责任心强，能在压力下保持服务水准。",
        "competencies_ideal": "具备一定的外语水平和数据汇总能力。",
        "special_requirements": "实行综合计算工时制，经常在节假日和周末值班，余假在客流较少时补休。",
        "training_general": "督导技巧、排班与考勤管理、投诉处理、团队协作（每年不少于16学时）。",
    },
    "captain": {
        "authority_financial": "无审批权；负责本班组物品领用登记。",
        "authority_personnel": "检查本班组出勤、仪容仪表和纪律，记录违纪并报告主管。",
        "authority_business": "分配当班工作，检查服务质量，处理班组内的一般问题。",
        "education_required": "高中或中专及以上学历。",
        "education_ideal": "大专学历，旅游或酒店管理专业。",
        "experience_required": "2年以上本岗位工作经验。",
        "experience_ideal": "有班组带教经验，曾获服务之星等表彰。",
        "competencies_required": "现场组织和带教能力，吃苦耐劳，处事公正。",
        "competencies_ideal": "能用英语进行日常服务交流。",
        "special_requirements": "实行综合计算工时制，能适应倒班和节假日工作。",
        "training_general": "班组管理、服务意识、沟通技巧、消防安全（每年不少于16学时）。",
    },
    "staff": {
        "authority_financial": "无。",
        "authority_personnel": "无。",
        "authority_business": "在岗位职责范围内为宾客提供服务；超出权限的事项及时上报。",
        "education_required": "高中或中专及以上学历。",
        "education_ideal": "大专学历，相关专业。",
        "experience_required": "1年以上相关工作经验，优秀应届毕业生可放宽。",
        "experience_ideal": "有星级酒店、旅行社或景区同类岗位经验。",
        "competencies_required": "服务意识强，待人热情有礼，沟通表达清晰，遵守纪律。",
        "competencies_ideal": "能用英语进行日常服务交流，具备团队合作精神。",
        "special_requirements": "能适应轮班和节假日工作。",
        "training_general": "服务意识、沟通技巧、团队协作、投诉处理和相关法律法规（每年不少于16学时）。",
    },
}

# What every new joiner of a business unit learns first (入职培训: the unit's business and etiquette).
UNIT_INDUCTION = {
    "GRP": "集团概况、组织架构、员工手册与奖惩制度；办公礼仪与保密规定",
    "HTL": "酒店概况、组织架构、员工手册与奖惩制度；酒店服务礼仪与仪容仪表规范；消防安全与应急疏散",
    "TRV": "旅行社概况、组织架构、员工手册与奖惩制度；旅游服务礼仪；《旅游法》与旅游合同基本知识",
    "PRK": "景区概况与历史文化、组织架构、员工手册与奖惩制度；景区服务礼仪；游客安全与应急处置",
}
UNIT_KNOWLEDGE_IDEAL = {
    "GRP": "了解酒店、旅行社和景区的业务特点；掌握人力资源数据分析方法。",
    "HTL": "了解星级饭店服务标准和国际酒店集团的服务文化；掌握一门外语。",
    "TRV": "熟悉国内外主要旅游目的地和同业市场动态；掌握一门外语。",
    "PRK": "了解本地区的历史文化和旅游资源；掌握一门外语或方言讲解。",
}


def numbered(lines: tuple[str, ...]) -> str:
    """Duties as numbered lines: "1. ...\\n2. ..."."""
    return "\n".join(f"{i}. {line}。" for i, line in enumerate(lines, 1))


def description_values(position: PositionSpec, department: DepartmentSpec, text: JobText,
                       superior_name: str | None, peer_names: list[str]) -> dict[str, str]:
    """Every text field of a job description (JOB_DESCRIPTION_TEXT_FIELDS), filled in."""
    values = dict(LEVEL_TEXTS[position.level])
    if text.special:
        values["special_requirements"] = text.special
    values.update(
        summary=text.summary,
        duties=numbered(text.duties),
        knowledge_required=text.knowledge,
        knowledge_ideal=UNIT_KNOWLEDGE_IDEAL[department.unit],
        training_induction=f"{UNIT_INDUCTION[department.unit]}；{department.name}业务流程与岗位职责介绍。",
        training_pre_post=f"{position.name}岗位操作程序与服务标准；岗位技能实操考核；工具与系统：{text.tools}。",
        career_next=(f"{superior_name}（任职满2年且年度考核优良者可竞聘）" if superior_name
                     else "集团高级管理岗位（由集团董事会任命）"),
        career_interchangeable=("、".join(peer_names) + "（经岗前培训考核合格后可轮岗）" if peer_names
                                else "本单位同级岗位（经培训考核合格后可调任）"),
    )
    return values

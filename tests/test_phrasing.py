"""Phrasing survey (docs/phrasing.md): each construction the auditor handles today, consistent and slipped.

Every example uses invented figures. The consistent text must raise nothing from the construction's rule; the
text with one planted slip must raise exactly one finding of that rule, stating the slipped figure.
"""

from __future__ import annotations

import pytest

TITLE = "某区某局2024年度部门决算"

# (construction id in docs/phrasing.md, rule, stated value of the finding, consistent text, slipped text)
HANDLED = [
    (
        "A01",
        "S101",
        "520.00万元",
        "2024年度本年收入合计520.00万元，其中：财政拨款收入450.00万元，其他收入70.00万元。",
        "2024年度本年收入合计520.00万元，其中：财政拨款收入450.00万元，其他收入75.00万元。",
    ),
    (
        "A02",
        "S101",
        "12.50万元",
        "2024年度“三公”经费支出12.50万元，因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0万元、8.30万元、4.20万元。",
        "2024年度“三公”经费支出12.50万元，因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0万元、8.30万元、4.60万元。",
    ),
    (
        "A05",
        "S101",
        "300.00万元",
        "2024年度基本支出300.00万元（人员经费250.00万元、公用经费50.00万元）。",
        "2024年度基本支出300.00万元（人员经费250.00万元、公用经费55.00万元）。",
    ),
    (
        "A07",
        "S101",
        "600.00万元",
        "本单位2024年度总收入600.00万元，其中本年收入520.00万元，上年结转和结余80.00万元。",
        "本单位2024年度总收入600.00万元，其中本年收入520.00万元，上年结转和结余90.00万元。",
    ),
    (
        "A08",
        "S101",
        "1850000.50元",
        "2024年基本支出预算1850000.50元，其中：工资福利支出1500000.25元，商品和服务支出330000.25元，对个人和家庭的补助20000.00元。",
        "2024年基本支出预算1850000.50元，其中：工资福利支出1500000.25元，商品和服务支出330000.25元，对个人和家庭的补助21000.00元。",
    ),
    (
        "A09",
        "S101",
        "1.20万元",
        "2024年度公务接待费1.20万元，其中：国内公务接待5000元，外事接待7000元。",
        "2024年度公务接待费1.20万元，其中：国内公务接待5000元，外事接待8000元。",
    ),
    (
        "A10",
        "S101",
        "1.25亿元",
        "2024年全市“三公”经费合计1.25亿元，其中：公务用车购置及运行维护费9800万元，公务接待费2700万元。",
        "2024年全市“三公”经费合计1.25亿元，其中：公务用车购置及运行维护费9800万元，公务接待费2900万元。",
    ),
    (
        "A11",
        "S101",
        "15.00万元",
        "2024年度“三公”经费支出20.00万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费15.00万元（其中：购置费10.00万元，运行维护费5.00万元），公务接待费5.00万元。",
        "2024年度“三公”经费支出20.00万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费15.00万元（其中：购置费10.00万元，运行维护费6.00万元），公务接待费5.00万元。",
    ),
    (
        "A12",
        "S101",
        "5辆",
        "截至2024年12月31日，共有车辆5辆，其中：一般公务用车1辆，执法执勤用车3辆，特种专业技术用车1辆。",
        "截至2024年12月31日，共有车辆5辆，其中：一般公务用车1辆，执法执勤用车2辆，特种专业技术用车1辆。",
    ),
    (
        "A13",
        "S101",
        "28人",
        "本单位核定编制30名，实有人数28人，其中：在职人员20人，退休人员8人。",
        "本单位核定编制30名，实有人数28人，其中：在职人员20人，退休人员9人。",
    ),
    (
        "A14",
        "S101",
        "150.00万元",
        "2024年度政府采购支出总额150.00万元，其中：政府采购货物支出60.00万元、政府采购工程支出50.00万元、政府采购服务支出40.00万元。",
        "2024年度政府采购支出总额150.00万元，其中：政府采购货物支出60.00万元、政府采购工程支出50.00万元、政府采购服务支出45.00万元。",
    ),
    (
        "A15",
        "S101",
        "800.00万元",
        "截至2024年末，资产总额800.00万元，其中：流动资产300.00万元，固定资产450.00万元，无形资产50.00万元。",
        "截至2024年末，资产总额800.00万元，其中：流动资产300.00万元，固定资产460.00万元，无形资产50.00万元。",
    ),
    (
        "A16",
        "I101",
        "650.00万元",
        "截至2024年末，资产总额800.00万元，负债总额200.00万元，净资产600.00万元。",
        "截至2024年末，资产总额800.00万元，负债总额200.00万元，净资产650.00万元。",
    ),
    (
        "A17",
        "S102",
        "530.00万元",
        "表1  收入决算表    单位：万元\n\t项目\n\t决算数\n\n\t财政拨款收入\n\t450.00\n\n\t其他收入\n\t70.00\n\n\t合计\n\t520.00\n\n以上为本表情况。",
        "表1  收入决算表    单位：万元\n\t项目\n\t决算数\n\n\t财政拨款收入\n\t450.00\n\n\t其他收入\n\t70.00\n\n\t合计\n\t530.00\n\n以上为本表情况。",
    ),
    (
        "A18",
        "S101",
        "30.49万元",
        "2024年度“三公”经费合计30.49万元，其中：公务接待费1.58万元，车辆运行费28.91万元，因公出国（境）费0万元。",
        "2024年度“三公”经费合计30.49万元，其中：公务接待费1.58元，车辆运行费28.91万元，因公出国（境）费0万元。",
    ),
    (
        "A19",
        "S101",
        "15个",
        "2024年实施项目共15个，其中年初批复项目8个，年中追加项目7个。",
        "2024年实施项目共15个，其中年初批复项目8个，年中追加项目6个。",
    ),
    (
        "A20",
        "V101",
        "880000.00元",
        "2024年一般公共预算基本支出预算850000.00元，占一般公共预算支出的85.00%。\n基本支出情况如下。\n2024年本年一般公共预算基本支出预算850000.00元，其中：人员经费700000.00元，公用经费150000.00元。",
        "2024年一般公共预算基本支出预算850000.00元，占一般公共预算支出的85.00%。\n基本支出情况如下。\n2024年本年一般公共预算基本支出预算880000.00元，其中：人员经费700000.00元，公用经费150000.00元。",
    ),
    (
        "B01",
        "P101",
        "72.00%",
        "2024年度本年支出合计400.00万元，其中：基本支出300.00万元，占75.00%；项目支出100.00万元，占25.00%。",
        "2024年度本年支出合计400.00万元，其中：基本支出300.00万元，占72.00%；项目支出100.00万元，占25.00%。",
    ),
    (
        "B02",
        "P101",
        "8.80%",
        "2024年本年收入合计500.00万元，其中：财政拨款收入460.00万元，占92.00%；事业收入0万元，占0%；经营收入0万元，占0%；其他收入40.00万元，占8.00%。",
        "2024年本年收入合计500.00万元，其中：财政拨款收入460.00万元，占92.00%；事业收入0万元，占0%；经营收入0万元，占0%；其他收入40.00万元，占8.80%。",
    ),
    (
        "B03",
        "P101",
        "36.60%",
        "2024年度“三公”经费支出12.50万元，其中公务接待费4.20万元，占“三公”经费支出的比重为33.60%。",
        "2024年度“三公”经费支出12.50万元，其中公务接待费4.20万元，占“三公”经费支出的比重为36.60%。",
    ),
    (
        "B06",
        "P101",
        "8.50%",
        "2024年度本年支出合计400.00万元。机关运行经费32.00万元，占本年支出合计的8.00%。",
        "2024年度本年支出合计400.00万元。机关运行经费32.00万元，占本年支出合计的8.50%。",
    ),
    (
        "B08",
        "P101",
        "19.62%",
        "2024年一般公共预算支出2000000.00元。基本支出预算1850000.00元，占一般公共预算支出的92.50%；项目支出150000.00元，占一般公共预算支出的7.50%。",
        "2024年一般公共预算支出2000000.00元。基本支出预算1850000.00元，占一般公共预算支出的92.50%；项目支出150000.00元，占一般公共预算支出的19.62%。",
    ),
    (
        "B09",
        "P101",
        "36%",
        "2024年度“三公”经费支出12.50万元，其中：公务用车购置及运行维护费8.30万元，占66%；公务接待费4.20万元，占34%。",
        "2024年度“三公”经费支出12.50万元，其中：公务用车购置及运行维护费8.30万元，占66%；公务接待费4.20万元，占36%。",
    ),
    (
        "B11",
        "P101",
        "96.00%",
        "2024年度一般公共预算财政拨款支出380.00万元，占本年支出合计400.00万元的95.00%。",
        "2024年度一般公共预算财政拨款支出380.00万元，占本年支出合计400.00万元的96.00%。",
    ),
    (
        "B13",
        "P101",
        "85.00%",
        "2024年度政府采购支出总额150.00万元。授予中小企业合同金额120.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额90.00万元，占政府采购支出总额的60.00%。",
        "2024年度政府采购支出总额150.00万元。授予中小企业合同金额120.00万元，占政府采购支出总额的85.00%，其中：授予小微企业合同金额90.00万元，占政府采购支出总额的60.00%。",
    ),
    (
        "B15",
        "T101",
        "占%",
        "2024年度“三公”经费支出35.00万元，其中：公务接待费30.00万元，占85.71%。",
        "2024年度“三公”经费支出35.00万元，其中：公务接待费30.00万元，占 %。",
    ),
    (
        "Y01",
        "Y101",
        "3.85%",
        "2024年度收入总计520.00万元，比上年增加20.00万元，增长4.00%。",
        "2024年度收入总计520.00万元，比上年增加20.00万元，增长3.85%。",
    ),
    (
        "Y02",
        "Y101",
        "11.11%",
        "2024年度支出总计450.00万元，与上年相比，减少50.00万元，下降10.00%。",
        "2024年度支出总计450.00万元，与上年相比，减少50.00万元，下降11.11%。",
    ),
    (
        "Y03",
        "Y101",
        "11.11%",
        "2024年度财政拨款收入总计360.00万元，较上年减少40.00万元，降低10.00%。",
        "2024年度财政拨款收入总计360.00万元，较上年减少40.00万元，降低11.11%。",
    ),
    (
        "Y04",
        "Y101",
        "10.11%",
        "2024年商品和服务支出预算445000.00元，同比增加45000.00元，增长11.25%。",
        "2024年商品和服务支出预算445000.00元，同比增加45000.00元，增长10.11%。",
    ),
    (
        "Y05",
        "Y101",
        "2.60万元",
        "2024年“三公”经费支出57.60万元，比上年支出60.00万元减少2.40万元，下降4.00%。",
        "2024年“三公”经费支出57.60万元，比上年支出60.00万元减少2.60万元，下降4.00%。",
    ),
    (
        "Y06",
        "Y101",
        "11.1%",
        "2024年全市“三公”经费预算总额为1800万元，较2023年的2000万元减少200万元，下降10.0%。",
        "2024年全市“三公”经费预算总额为1800万元，较2023年的2000万元减少200万元，下降11.1%。",
    ),
    (
        "Y09",
        "Y101",
        "22.00%",
        "2024年工资福利支出108.00万元，较上年增18.00万元，增20.00%。",
        "2024年工资福利支出108.00万元，较上年增18.00万元，增22.00%。",
    ),
    (
        "Y12",
        "W101",
        "5%",
        "2024年其他收入0.00万元，较2023年度决算数增加0.00万元，增长0%。",
        "2024年其他收入0.00万元，较2023年度决算数增加0.00万元，增长5%。",
    ),
    (
        "Y13",
        "Y101",
        "4.17%",
        "2024年“三公”经费决算数48.00万元，比上年决算数50.00万元下降4.00%。",
        "2024年“三公”经费决算数48.00万元，比上年决算数50.00万元下降4.17%。",
    ),
    (
        "Y14",
        "W101",
        "100%",
        "2024年政府采购预算17000.00元，同比增加17000.00元，上年无该预算，增长率无可比性。",
        "2024年政府采购预算17000.00元，同比增加17000.00元，增长100%。",
    ),
    (
        "Y16",
        "Y101",
        "9.09%",
        "2024年部门收入660.00万元，同比上年度增加60.00万元，增加10.00%。",
        "2024年部门收入660.00万元，同比上年度增加60.00万元，增加9.09%。",
    ),
    (
        "Y19",
        "Y101",
        "25%",
        "2024年“三公”经费预算为3200万元，同口径比2023年减少800万元，下降20%。",
        "2024年“三公”经费预算为3200万元，同口径比2023年减少800万元，下降25%。",
    ),
    (
        "Y20",
        "Y101",
        "20.00%",
        "2024年公务用车运行费用10.00万元，较上年同期增加2.00万元，增长25.00%。",
        "2024年公务用车运行费用10.00万元，较上年同期增加2.00万元，增长20.00%。",
    ),
    (
        "Y21",
        "Y101",
        "20.00%",
        "2024年“三公”经费支出预算25.00万元，比上年预算数减少5.00万元，下降16.67%。",
        "2024年“三公”经费支出预算25.00万元，比上年预算数减少5.00万元，下降20.00%。",
    ),
    (
        "Y22",
        "Y101",
        "11.1%",
        "2024年上年结转和结余9.00万元，较2023年度决算数增加1.00万元，增长12.5%。",
        "2024年上年结转和结余9.00万元，较2023年度决算数增加1.00万元，增长11.1%。",
    ),
    (
        "Y23",
        "Y102",
        "2022年",
        "2024年度“三公”经费支出5800万元，较2023年下降2.3%。",
        "2024年度“三公”经费支出5800万元，较2022年下降2.3%。",
    ),
    (
        "Y24",
        "Y101",
        "4.0%",
        "2024年本级支出4.20亿元，比上年增加0.20亿元，增长5.0%。",
        "2024年本级支出4.20亿元，比上年增加0.20亿元，增长4.0%。",
    ),
    (
        "Y28",
        "Y101",
        "16.67%",
        "2024年公务用车运行维护费从上年的5.00万元增加到6.00万元，增长20.00%。",
        "2024年公务用车运行维护费从上年的5.00万元增加到6.00万元，增长16.67%。",
    ),
    (
        "Y29",
        "Y101",
        "25.00%",
        "2024年培训费由上年的10.00万元下降至8.00万元，下降20.00%。",
        "2024年培训费由上年的10.00万元下降至8.00万元，下降25.00%。",
    ),
    (
        "Y30",
        "Y101",
        "15.50万元",
        "2024年“三公”经费合计31.00万元，较2023年度“三公”经费合计16.00万元增加15.00万元。",
        "2024年“三公”经费合计31.00万元，较2023年度“三公”经费合计16.00万元增加15.50万元。",
    ),
    (
        "Y31",
        "Y101",
        "5.00%",
        "2024年本部门机关运行经费安排300.00万元，比上年增加15.00万元，增长5.26%。",
        "2024年本部门机关运行经费安排300.00万元，比上年增加15.00万元，增长5.00%。",
    ),
    (
        "V01",
        "C101",
        "96.00%",
        "行政运行（项）年初预算为200.00万元，支出决算为190.00万元，完成年初预算的95.00%。",
        "行政运行（项）年初预算为200.00万元，支出决算为190.00万元，完成年初预算的96.00%。",
    ),
    (
        "V02",
        "W101",
        "决算数大于预算数",
        "2024年度“三公”经费支出预算为20.00万元，支出决算为16.00万元，完成预算的80.00%，决算数小于预算数的主要原因是厉行节约。",
        "2024年度“三公”经费支出预算为20.00万元，支出决算为16.00万元，完成预算的80.00%，决算数大于预算数的主要原因是厉行节约。",
    ),
    (
        "V03",
        "W101",
        "55.00万元",
        "2024年度一般公共预算财政拨款支出年初预算1742.00万元，支出决算1800.00万元，决算数大于预算数58.00万元。",
        "2024年度一般公共预算财政拨款支出年初预算1742.00万元，支出决算1800.00万元，决算数大于预算数55.00万元。",
    ),
    (
        "V08",
        "C101",
        "106.00%",
        "2024年全区一般公共预算收入预算数20.00亿元，实际完成21.00亿元，完成预算数105.00%。",
        "2024年全区一般公共预算收入预算数20.00亿元，实际完成21.00亿元，完成预算数106.00%。",
    ),
    (
        "V09",
        "C101",
        "114.00%",
        "2024年项目支出年初预算100.00万元，调整预算120.00万元，支出决算114.00万元，完成调整预算的95.00%。",
        "2024年项目支出年初预算100.00万元，调整预算120.00万元，支出决算114.00万元，完成调整预算的114.00%。",
    ),
    (
        "V10",
        "C101",
        "98.00%",
        "2024年该项目全年预算数90.00万元，全年执行数89.10万元，预算执行率99.00%。",
        "2024年该项目全年预算数90.00万元，全年执行数89.10万元，预算执行率98.00%。",
    ),
    (
        "V15",
        "W101",
        "决算数等于预算数",
        "2024年培训费年初预算50.00万元，支出决算50.00万元，决算数等于预算数。",
        "2024年培训费年初预算50.00万元，支出决算48.00万元，决算数等于预算数。",
    ),
    (
        "V17",
        "Y101",
        "1.14%",
        "2024年公务接待费支出2.14万元，与2024年度预算1.00万元相比，增加1.14万元，增长114.00%。",
        "2024年公务接待费支出2.14万元，与2024年度预算1.00万元相比，增加1.14万元，增长1.14%。",
    ),
    (
        "V18",
        "C101",
        "68.08%",
        "2024年“三公”经费年初预算25.00万元，支出决算17.20万元，完成预算的68.80%。",
        "2024年“三公”经费年初预算25.00万元，支出决算17.20万元，完成预算的68.08%。",
    ),
    (
        "C01",
        "C101",
        "134%",
        "2024年人才驿站组织活动目标值28次，实际完成40次，目标完成率为143%。",
        "2024年人才驿站组织活动目标值28次，实际完成40次，目标完成率为134%。",
    ),
    (
        "C02",
        "C101",
        "107.71%",
        "2024年城镇新增就业目标3000人，实际完成3215人，完成目标任务的107.17%。",
        "2024年城镇新增就业目标3000人，实际完成3215人，完成目标任务的107.71%。",
    ),
    (
        "C03",
        "C101",
        "105.17%",
        "2024年完成职业技能培训3215人，占目标任务数3000人的107.17%。",
        "2024年完成职业技能培训3215人，占目标任务数3000人的105.17%。",
    ),
    (
        "C05",
        "R101",
        "90.00%",
        "本次共发放问卷200份，回收190份，回收率95.00%。",
        "本次共发放问卷200份，回收190份，回收率90.00%。",
    ),
    (
        "G04",
        "G106",
        "优",
        "经评价，该部门整体支出绩效综合得分86分，评价等级为“良”。",
        "经评价，该部门整体支出绩效综合得分86分，评价等级为“优”。",
    ),
    (
        "G09",
        "G101",
        "93分",
        "项目支出绩效自评表\n\t一级指标\n\t分值\n\t得分\n\n\t产出指标\n\t50\n\t45\n\n\t效益指标\n\t30\n\t28\n\n\t满意度指标\n\t10\n\t9\n\n\t预算执行率\n\t10\n\t10\n\n\t合计\n\t100\n\t92\n\n以上为本表情况。",
        "项目支出绩效自评表\n\t一级指标\n\t分值\n\t得分\n\n\t产出指标\n\t50\n\t45\n\n\t效益指标\n\t30\n\t28\n\n\t满意度指标\n\t10\n\t9\n\n\t预算执行率\n\t10\n\t10\n\n\t合计\n\t100\n\t93\n\n以上为本表情况。",
    ),
    (
        "N05",
        "N101",
        "6项",
        "2024年共开展5项专项工作（政策宣传、技能培训、就业援助、劳动监察、档案整理）。",
        "2024年共开展6项专项工作（政策宣传、技能培训、就业援助、劳动监察、档案整理）。",
    ),
    (
        "T01",
        "T101",
        "增加（减少）",
        "2024年度收入总计520.00万元，比上年增加20.00万元，增长4.00%。",
        "2024年度收入总计520.00万元，比上年增加（减少）20.00万元，增长4.00%。",
    ),
    (
        "T04",
        "W101",
        "项目经费增加",
        "2024年度支出总计450.00万元，与上年相比，减少50.00万元，下降10.00%，主要原因是项目经费减少。",
        "2024年度支出总计450.00万元，与上年相比，减少50.00万元，下降10.00%，主要原因是项目经费增加。",
    ),
    (
        "G11",
        "G104",
        "75.00%",
        "3.保障措施，指标分值18分，评价得分14分，得分率77.78%。",
        "3.保障措施，指标分值18分，评价得分14分，得分率75.00%。",
    ),
    (
        "G12",
        "G103",
        "4分",
        "（1）预算执行率，指标分值3分，评价得分3分。",
        "（1）预算执行率，指标分值3分，评价得分4分。",
    ),
    (
        "G13",
        "G102",
        "45分",
        "1.产出指标，指标分值50分，评价得分44分。\n（1）数量指标，指标分值20分，评价得分20分。\n（2）质量指标，指标分值30分，评价得分24分。",
        "1.产出指标，指标分值50分，评价得分45分。\n（1）数量指标，指标分值20分，评价得分20分。\n（2）质量指标，指标分值30分，评价得分24分。",
    ),
    (
        "B04",
        "P101",
        "64.40%",
        "2024年度“三公”经费支出12.50万元，其中公务用车购置及运行维护费8.30万元，占比66.40%。",
        "2024年度“三公”经费支出12.50万元，其中公务用车购置及运行维护费8.30万元，占比64.40%。",
    ),
    (
        "V06",
        "C101",
        "99.1%",
        "2024年一般公共预算收入98.10亿元，为预算100.00亿元的98.1%。",
        "2024年一般公共预算收入98.10亿元，为预算100.00亿元的99.1%。",
    ),
    (
        "V07",
        "C101",
        "102.0%",
        "2024年一般公共预算支出决算数412.00亿元，为调整预算数400.00亿元的103.0%。",
        "2024年一般公共预算支出决算数412.00亿元，为调整预算数400.00亿元的102.0%。",
    ),
    (
        "V05",
        "Y101",
        "9.50万元",
        "2024年“三公”经费支出合计53.70万元，比预算数63.10万元减少9.40万元。",
        "2024年“三公”经费支出合计53.70万元，比预算数63.10万元减少9.50万元。",
    ),
    (
        "V21",
        "Y101",
        "12.00%",
        "2024年一般公共预算财政拨款支出决算180.00万元，较年初预算数减少20.00万元，下降10.00%。",
        "2024年一般公共预算财政拨款支出决算180.00万元，较年初预算数减少20.00万元，下降12.00%。",
    ),
    (
        "C09",
        "C101",
        "100%",
        "2024年项目预算资金10.00万元，实际到位资金10.00万元，资金到位率100%。",
        "2024年项目预算资金10.00万元，实际到位资金8.00万元，资金到位率100%。",
    ),
    (
        "Y35",
        "Y101",
        "4.17%",
        "2024年度收入总计520.00万元。与上年相比，增加20.00万元，增长4.00%。",
        "2024年度收入总计520.00万元。与上年相比，增加20.00万元，增长4.17%。",
    ),
    (
        "V22",
        "C101",
        "96.60%",
        "2024年度一般公共预算财政拨款支出年初预算为500.00万元，支出决算为480.00万元，完成年初预算的96.00%。",
        "2024年度一般公共预算财政拨款支出年初预算为500.00万元，支出决算为480.00万元，完成年初预算的96.60%。",
    ),
    (
        "B12",
        "Y101",
        "1.50个百分点",
        "2024年财政拨款收入占本年收入的比重为86.54%，上年为85.34%，比上年提高1.20个百分点。",
        "2024年财政拨款收入占本年收入的比重为86.54%，上年为85.34%，比上年提高1.50个百分点。",
    ),
    (
        "B14",
        "P101",
        "36.67%",
        "2024年度政府采购支出总额150.00万元，货物、工程、服务类采购金额分别为60.00万元、50.00万元和40.00万元，占政府采购支出总额的比重分别为40.00%、33.33%和26.67%。",
        "2024年度政府采购支出总额150.00万元，货物、工程、服务类采购金额分别为60.00万元、50.00万元和40.00万元，占政府采购支出总额的比重分别为40.00%、36.67%和26.67%。",
    ),
    (
        "Y17",
        "Y101",
        "11.11%",
        "2024年度收、支总计各是550.00，540.00万元。与2023年相比，收、支总计各减少50.00，60.00万元，各下降8.33%、10.00%。",
        "2024年度收、支总计各是550.00，540.00万元。与2023年相比，收、支总计各减少50.00，60.00万元，各下降8.33%、11.11%。",
    ),
    (
        "Y36",
        "Y101",
        "9.80%",
        "2024年度收、支总计均为1523.26万元。与2023年相比，收、支总计各增加123.26万元，增长8.80%。",
        "2024年度收、支总计均为1523.26万元。与2023年相比，收、支总计各增加123.26万元，增长9.80%。",
    ),
    (
        "A27",
        "S101",
        "6辆",
        "截至2024年12月31日，本部门共有车辆6辆，其中：主要领导干部用车0辆、机要通信用车1辆、应急保障用车1辆、执法执勤用车3辆、特种专业技术用车0辆、其他用车1辆。",
        "截至2024年12月31日，本部门共有车辆6辆，其中：主要领导干部用车0辆、机要通信用车1辆、应急保障用车1辆、执法执勤用车4辆、特种专业技术用车0辆、其他用车1辆。",
    ),
    (
        "Y37",
        "Y101",
        "12.50%",
        "2024年“三公”经费支出决算16.00万元，完成预算的80.00%，较上年减少2.00万元，下降11.11%。",
        "2024年“三公”经费支出决算16.00万元，完成预算的80.00%，较上年减少2.00万元，下降12.50%。",
    ),
    (
        "Y27",
        "Y101",
        "3%",
        "2024年公务用车购置及运行费980.00万元（上年1000.00万元，较上年压缩2%）。",
        "2024年公务用车购置及运行费980.00万元（上年1000.00万元，较上年压缩3%）。",
    ),
    (
        "A21",
        "S101",
        "1000000.00元",
        "2024年财政拨款收支总预算1000000.00元。支出包括：社会保障和就业支出600000.00元、卫生健康支出150000.00元、住房保障支出250000.00元。",
        "2024年财政拨款收支总预算1000000.00元。支出包括：社会保障和就业支出600000.00元、卫生健康支出150000.00元、住房保障支出260000.00元。",
    ),
    (
        "N07",
        "N101",
        "5个",
        "本项目设置数量指标、质量指标、时效指标、成本指标4个三级指标。",
        "本项目设置数量指标、质量指标、时效指标、成本指标5个三级指标。",
    ),
]


def report(body: str) -> str:
    return f"{TITLE}\n{body}\n"


@pytest.mark.parametrize(
    ("rule", "stated", "consistent", "slipped"),
    [pytest.param(*case[1:], id=case[0]) for case in HANDLED],
)
def test_consistent_text_raises_nothing(check, rule, stated, consistent, slipped):
    assert [f for f in check(report(consistent), select=rule) if f.rule == rule] == []


@pytest.mark.parametrize(
    ("rule", "stated", "consistent", "slipped"),
    [pytest.param(*case[1:], id=case[0]) for case in HANDLED],
)
def test_slipped_text_raises_exactly_that_rule(check, rule, stated, consistent, slipped):
    findings = check(report(slipped), select=rule)
    assert [(f.rule, f.stated) for f in findings] == [(rule, stated)]


def test_ids_are_unique():
    ids = [case[0] for case in HANDLED]
    assert len(ids) == len(set(ids))


# ----------------------------------------------------------------------------- false alarms the survey found

RESPECTIVELY = "2024年度基本支出300.00万元、项目支出100.00万元，分别占本年支出合计400.00万元的{a}和{b}。\n"
BOTH_YEARS = "2024年度支出450.00万元，上年支出400.00万元，比上年增加50.00万元，增长{rate}。\n"


def test_respective_shares_are_paired_in_order(check):
    """B05: 分别占…的x%和y% pairs the percentages with the amounts in order (it checked 75% against 100/400)."""
    assert check(RESPECTIVELY.format(a="75.00%", b="25.00%"), select="P") == []
    found = [
        (f.rule, f.stated, f.expected)
        for f in check(RESPECTIVELY.format(a="70.00%", b="25.00%"), select="P101")
    ]
    assert found == [("P101", "70.00%", "75.00%")]


def test_the_prior_year_written_before_the_comparison(check):
    """Y25: "…，上年支出400.00万元，比上年增加…" has 400.00 as last year's figure, not this year's."""
    assert check(BOTH_YEARS.format(rate="12.50%"), select="Y") == []
    found = [(f.rule, f.stated, f.expected) for f in check(BOTH_YEARS.format(rate="11.50%"), select="Y101")]
    assert found == [("Y101", "11.50%", "12.50%")]


RESPECTIVE_CHANGES = (
    "2024年因公出国（境）费20.00万元、公务接待费15.00万元，与上年相比分别减少5.00万元、3.00万元，"
    "分别下降{a}、16.67%。\n"
)


def test_respective_changes_each_after_its_own_name(check):
    """Y18: 分别减少D1、D2，分别下降E1%、E2% zipped with amounts each written after its own name."""
    assert check(RESPECTIVE_CHANGES.format(a="20.00%"), select="Y") == []
    found = [
        (f.rule, f.stated, f.expected) for f in check(RESPECTIVE_CHANGES.format(a="25.00%"), select="Y101")
    ]
    assert found == [("Y101", "25.00%", "20.00%")]


YOY_VOCABULARY = [
    # 增幅 / 减幅 after the amount; the prior year written as "2023年为P" before the comparison
    ("2024年基本支出预算117.00万元，较上年增加17.00万元，增幅{r}。", "17.00%", "14.53%"),
    ("2024年项目支出预算20.00万元，较上年减少5.00万元，减幅{r}。", "20.00%", "25.00%"),
    ("2024年度支出合计450.00万元，2023年为400.00万元，较2023年增加50.00万元，增加{r}。", "12.50%", "11.11%"),
]


@pytest.mark.parametrize("template,right,wrong", YOY_VOCABULARY)
def test_year_over_year_vocabulary(check, template, right, wrong):
    text = "某区某局2024年度部门预算\n" + template + "\n"
    assert check(text.format(r=right), select="Y") == []
    assert [(f.rule, f.stated) for f in check(text.format(r=wrong), select="Y101")] == [("Y101", wrong)]


def test_flat_against_two_different_years(check):
    title = "某区某局2024年度部门预算\n"
    assert check(title + "2024年公务接待费5.00万元，上年为5.00万元，与上年持平。\n", select="W101") == []
    assert (
        check(title + "2024年本级支出1410.00万元，上年为1405.00万元，与上年基本持平。\n", select="W101") == []
    )
    found = check(title + "2024年公务接待费5.00万元，上年为6.00万元，与上年持平。\n", select="W101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("W101", "持平", "减少")]


LISTS = [
    # 包括 names every part: the parts must add up (A03); 主要用于 and …等 name the main ones only
    ("项目支出88.00万元，包括委员活动经费36.00万元，信息网络运行经费7.00万元，调研协商经费45.00万元。", True),
    (
        "项目支出88.00万元，包括委员活动经费36.00万元，信息网络运行经费5.00万元，调研协商经费45.00万元。",
        False,
    ),
    ("商品和服务支出60.00万元，主要用于办公费20.00万元、差旅费15.00万元、维修费22.00万元。", True),
    ("项目支出88.00万元，包括委员活动经费36.00万元、调研协商经费45.00万元等。", True),
]


@pytest.mark.parametrize("text,consistent", LISTS)
def test_lists_that_name_every_part(check, text, consistent):
    found = [f.rule for f in check("某区某局2024年度部门决算\n" + text + "\n", select="S101")]
    assert found == ([] if consistent else ["S101"])


COLON_LIST = "当年财政拨款基本支出（支出决算数）为：8049757.29元。其中:人员经费支出:7462043.29元,日常公用经费支出:{b}元."


def test_parts_written_with_label_colons(check):
    """ "其中:人员经费支出:7462043.29元,日常公用经费支出:587714元." — a colon right before a figure labels it;
    it does not open a nested group (the list was not read at all)."""
    title = "某县人社局2020年度部门整体支出绩效自评报告\n"
    assert check(title + COLON_LIST.format(b="587714") + "\n", select="S101") == []
    found = check(title + COLON_LIST.format(b="597714") + "\n", select="S101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("S101", "8049757.29元", "8059757.29元")]


def test_parts_first_then_their_total(check):
    """A06: "A a，B b，合计W" with nothing before the parts: the 合计 is theirs."""
    title = "某区某局2024年度部门决算\n"
    text = "2024年度人员经费250.00万元，公用经费50.00万元，合计{w}万元。\n"
    assert check(title + text.format(w="300.00"), select="S101") == []
    found = check(title + text.format(w="310.00"), select="S101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("S101", "310.00万元", "300.00万元")]
    # a comparison or a budget among the figures is not a part: nothing is said
    other = "2024年度预算250.00万元，决算50.00万元，合计310.00万元。\n"
    assert check(title + other, select="S101") == []


# ----------------------------------------------------------------------------- added in issue 14

FIXED_COMPOSITION = [
    # (text, consistent): whole numbers make 1.5 + 7 look like 9 (8.5 rounds to 9); the 三公 has three members
    (
        "2024年“三公”经费预算9万元，其中，因公出国（境）费1.5万元，公务用车购置及运行费4万元，公务接待费3.5万元。",
        True,
    ),
    (
        "2024年“三公”经费预算9万元，其中，因公出国（境）费1.5万元，公务用车购置及运行费7万元，公务接待费3.5万元。",
        False,
    ),
    ("2024年度政府采购支出总额15万元，其中：货物类6万元，工程类9万元，服务类5万元。", False),
    ("2024年度政府采购支出总额20万元，其中：货物类6万元，工程类9万元，服务类5万元。", True),
    # two parts naming one member (购置费, 运行费 of 公务用车) are not the fixed composition: the prefix still settles
    ("2024年“三公”经费支出6万元，其中：公务用车购置费2万元，公务用车运行费4万元，公务用车3辆。", True),
    # a part outside the composition (a budget figure) keeps the old reading: 6 + 3 = 9, the 12 is another figure
    ("2024年“三公”经费决算9万元，其中公务用车运行费6万元，公务接待费3万元，预算数12万元。", True),
]


@pytest.mark.parametrize("text,consistent", FIXED_COMPOSITION)
def test_a_fixed_composition_is_read_in_full(check, text, consistent):
    """A23: every part a different member of the 三公 (or 政府采购) composition: no shorter run replaces the list."""
    found = [f.rule for f in check(report(text), select="S101")]
    assert found == ([] if consistent else ["S101"])


SHARES_OF_THEIR_SUM = [
    # (text, consistent): every part with its share, the shares make 100%, no total named: the base is their sum
    ("2024年度基本支出中，人员经费支出96.30万元，占85.60%；公用经费支出16.20万元，占14.40%。", True),
    ("2024年度基本支出中，人员经费支出96.30万元，占88.60%；公用经费支出16.20万元，占11.40%。", False),
    (
        "2024年“三公”经费支出中，因公出国（境）费0万元，占0%；公务用车运行维护费3.60万元，占62.07%；公务接待费2.20万元，占37.93%。",
        True,
    ),
    (
        "2024年“三公”经费支出中，因公出国（境）费0万元，占0%；公务用车运行维护费3.90万元，占62.07%；公务接待费2.20万元，占37.93%。",
        False,
    ),
    ("2024年末在职人员中，行政人员12人，占40%；事业人员18人，占60%。", True),
    ("2024年末在职人员中，行政人员15人，占40%；事业人员18人，占60%。", False),
    (
        "2024年度支出中，社会保障和就业支出320.18万元，占比80.05%；卫生健康支出45.20万元，占比11.30%；住房保障支出34.60万元，占比8.65%。",
        True,
    ),
    # rounding: 33.33% × 3 = 99.99% is 100% rounded
    (
        "2024年三项经费中，培训费10.00万元，占33.33%；会议费10.00万元，占33.33%；差旅费10.00万元，占33.33%。",
        True,
    ),
    # shares that do not make 100% say nothing about the base
    ("2024年度基本支出中，人员经费支出96.30万元，占80.00%。", True),
    ("2024年度基本支出中，人员经费96.30万元，占85.60%；公用经费19.20万元，占10.40%。", True),
    # an amount of the list without its share: the list may be partial, nothing is said
    ("2024年度支出中，基本支出442.55万元，占68.21%；项目支出192.30万元，占31.79%；上年结转10.00万元。", True),
]


@pytest.mark.parametrize("text,consistent", SHARES_OF_THEIR_SUM)
def test_shares_of_their_sum(check, text, consistent):
    """B16: "X中，A a，占p%；B b，占q%" with p + q = 100% and no total: each share is of a + b; one finding a list."""
    found = [f.rule for f in check(report(text), select="P")]
    assert found == ([] if consistent else ["P101"])


def test_shares_of_their_sum_beside_changes(check):
    """B16 with each part's change from last year in its clause: the change is not a part of the list."""
    text = (
        "2024年度基本支出中，人员经费{a}万元，占85.60%，比上年增加2.10万元；"
        "公用经费16.20万元，占14.40%，比上年减少0.80万元。"
    )
    assert check(report(text.format(a="96.30")), select="P") == []
    assert [f.rule for f in check(report(text.format(a="99.30")), select="P")] == ["P101"]


RESPECTIVE_PARTS = [
    # (text, consistent): "W，A、B、C分别为a、b、c" with A, B, C the members of W's fixed composition
    (
        "2024年“三公”经费支出决算为6.35万元，因公出国（境）费、公务用车购置及运行费、公务接待费支出分别为0、5.10、1.25万元。",
        True,
    ),
    (
        "2024年“三公”经费支出决算为6.35万元，因公出国（境）费、公务用车购置及运行费、公务接待费支出分别为0、5.40、1.25万元。",
        False,
    ),
    (
        "本年度“三公”经费预算数为20万元，因公出国（境）费、公务用车购置及运行维护费和公务接待费分别是0万元、15万元和5万元。",
        True,
    ),
    (
        "本年度“三公”经费预算数为20万元，因公出国（境）费、公务用车购置及运行维护费和公务接待费分别是0万元、18万元和5万元。",
        False,
    ),
    (
        "2024年政府采购支出总额150.00万元，货物类、工程类、服务类采购金额分别为60.00万元、50.00万元和43.00万元。",
        False,
    ),
    # not a fixed composition, or not all of it: nothing is said
    ("2024年本年收入合计520.00万元，财政拨款收入、其他收入分别为450.00万元、75.00万元。", True),
    (
        "2024年度“三公”经费支出12.50万元，公务用车购置及运行维护费、公务接待费分别为8.30万元、4.60万元，未发生因公出国（境）费。",
        True,
    ),
    ("2024年度“三公”经费支出12.50万元，预算数、决算数分别为15.00万元、12.50万元。", True),
    # 分别减少 gives changes, not parts
    (
        "2024年“三公”经费支出12.50万元，因公出国（境）费、公务用车购置及运行维护费、公务接待费分别减少0万元、1.00万元、0.50万元。",
        True,
    ),
]


@pytest.mark.parametrize("text,consistent", RESPECTIVE_PARTS)
def test_respective_parts_of_a_fixed_composition(check, text, consistent):
    """A02: the figures after 分别为 belong to the names before it, in order; a bare "0、" there is a value."""
    found = [f.rule for f in check(report(text), select="S101")]
    assert found == ([] if consistent else ["S101"])


def test_respective_labels():
    """Each figure after 分别为 takes its name as label; the unit written on the last one only is theirs too."""
    from auditor.extract.figures import extract_quantities, respective_labels

    text = "因公出国（境）费、公务用车购置及运行费和公务接待费分别为0、5.10、1.25万元，仲裁结案率、调解成功率分别达到94.2%和71.8%。"
    found = [(q.label, q.text, q.unit) for q in respective_labels(text, extract_quantities(text, 1))]
    assert found == [
        ("因公出国（境）费", "0", "万元"),
        ("公务用车购置及运行费", "5.10", "万元"),
        ("公务接待费", "1.25万元", "万元"),
        ("仲裁结案率", "94.2%", "%"),
        ("调解成功率", "71.8%", "%"),
    ]
    # as many names as figures, or nothing changes; a one-name "A和B" is not split (社会保障和就业支出)
    for text in (
        "收入、支出分别为450.00万元、440.00万元、10.00万元。",
        "社会保障和就业支出分别为450.00万元、440.00万元。",
    ):
        before = extract_quantities(text, 1)
        assert respective_labels(text, before) == before


def test_ordinals_are_still_ordinals():
    """ "为0、5.40" is a list of values; "1、加强管理" and "措施：1、…" stay heading ordinals."""
    from auditor.extract.figures import extract_quantities

    assert [q.text for q in extract_quantities("分别为0、5.40、1.25万元", 1)] == ["0", "5.40", "1.25万元"]
    assert extract_quantities("1、加强管理。2、完善制度。", 1) == []
    assert extract_quantities("主要措施：1、加强管理；2、完善制度。", 1) == []


MAIN_PARTS = [
    # (text, consistent): 主要用于 names the main parts only: less than the whole is no error, more is
    ("2024年商品和服务支出60.00万元，主要用于办公费20.00万元、差旅费15.00万元、维修费22.00万元。", True),
    ("2024年商品和服务支出60.00万元，主要用于办公费20.00万元、差旅费15.00万元、维修费28.00万元。", False),
    ("公用经费支出35.60万元，主要用于办公费8.20万元、水电费4.10万元、邮电费1.30万元等。", True),
    ("公用经费支出35.60万元，主要用于办公费28.20万元、水电费4.10万元、邮电费4.30万元等。", False),
    ("项目资金50万元，主要用于购置设备30万元（其中电脑20万元），宣传费15万元。", True),
    # rounding: whole numbers stand for ±0.5 each, 8.2 + 6 + 21.5 may be 35.6
    ("公用经费35.6万元，主要用于办公费8.2万元、差旅费6万元、其他费用21.5万元。", True),
]


@pytest.mark.parametrize("text,consistent", MAIN_PARTS)
def test_main_parts_never_exceed_their_whole(check, text, consistent):
    """A04: a 主要用于 list may add up to less than its whole, never to more."""
    found = [f.rule for f in check(report(text), select="S101")]
    assert found == ([] if consistent else ["S101"])


SOLE_PART_AND_BUDGET_RATES = [
    # the one part after 其中 is a share of the whole before it; never through a bracket or a change
    "2024年本年收入合计520.00万元，其中财政拨款收入450.00万元，占86.54%。",
    "2024年度“三公”经费支出12.50万元，比上年减少1.50万元，其中公务接待费4.20万元，占33.60%。",
    "2024年度收入总计600.00万元，其中本年收入520.00万元，占86.67%，上年结转80.00万元。",
    "2024年项目支出100.00万元（其中专项业务费50.00万元），占本年支出的25.00%。\n本年支出合计400.00万元。",
    # 为…预算的C%: the budget may be named in the phrase or in an earlier clause
    "2024年一般公共预算财政拨款支出200万元，为年初预算200万元的100%。",
    "全年支出决算186.40万元，为年初预算的96.5%，主要原因是人员调出。",
]


@pytest.mark.parametrize("text", SOLE_PART_AND_BUDGET_RATES)
def test_sole_part_shares_and_budget_rates_consistent(check, text):
    """B04, V06, V07: consistent variants raise nothing."""
    assert check(report(text), select="P,C") == []


def test_a_share_after_a_bracket_is_of_the_figure_before_it(check):
    """Regression: "W（其中A a），占B的S%" checked a / W; the share is W's, of B."""
    text = "2024年本年支出合计400.00万元。\n2024年项目支出100.00万元（其中专项业务费50.00万元），占本年支出合计的{s}。"
    assert check(report(text.format(s="25.00%")), select="P") == []
    found = [(f.rule, f.stated, f.expected) for f in check(report(text.format(s="35.00%")), select="P101")]
    assert found == [("P101", "35.00%", "25.00%")]


AGAINST_BUDGET = [
    # consistent comparisons with the same year's budget, and comparisons that are something else
    "2024年公务接待费支出2.14万元，与年初预算相比，增加1.14万元，增长114.00%。",
    "本年度项目支出决算95.20万元，比调整预算减少4.80万元，下降4.80%。",
    "2024年度“三公”经费决算总额为9.00万元，预算为9.00万元，比预算增加0万元，比去年8.00万元增加1.00万元，增长12.50%。",
    "2024年度收入总计600.00万元，比上年预算数增加50.00万元，增长9.09%。",
    "2024年度支出总计450.00万元，较年初预算增加约20万元。",
    "2024年本级支出4.20亿元，比预算减少0.30亿元，下降6.7%。",
]


@pytest.mark.parametrize("text", AGAINST_BUDGET)
def test_actual_against_budget_consistent(check, text):
    """V05, V21: the actual against its budget; consistent text and other comparisons raise nothing."""
    assert check(report(text), select="Y") == []


def test_actual_against_budget_message(check):
    found = check(
        report("2024年“三公”经费支出决算12.00万元，比预算减少3.00万元，下降25.00%。"), select="Y101"
    )
    assert [f.message for f in found] == ["增减幅度不符：决算 12.00，预算 15.00，下降20.00%，文中写 25.00%"]


FUNDS_IN_PLACE = [
    "项目预算资金80.00万元，实际到位80.00万元，到位率100%，实际支出76.00万元，预算执行率95.00%。",
    "资金到位率100%，资金使用合规。",
    "2024年项目预算资金10.00万元，资金到位率100%。",
    "预算资金10万元，资金到位率≥95%，实际到位10万元。",
]


@pytest.mark.parametrize("text", FUNDS_IN_PLACE)
def test_funds_in_place_rate_consistent(check, text):
    """C09: 资金到位率 = 实际到位 / 预算; nothing without both figures, nothing for a target (≥95%)."""
    assert check(report(text), select="C") == []


NEXT_SENTENCE_COMPARISONS = [
    # the comparison opens a sentence with no subject: the figure that ended the last one, if it was alone
    "2024年度支出总计510.00万元。与上年相比，减少30.00万元，下降5.56%，主要原因是项目减少。",
    "2024年“三公”经费支出12.50万元。比上年减少1.50万元，下降10.71%。",
    # the last sentence had two amounts (a total and a part): which one is compared is a guess
    "2024年本年支出合计400.00万元，其中基本支出300.00万元。与上年相比，增加20.00万元，增长5.26%。",
    # the comparison names its subject: found by its name, not by position
    "2024年度收入总计520.00万元，支出总计510.00万元。与上年相比，收入增加20.00万元，增长4.00%。",
    # last year's figure ends the sentence before
    "2024年度收入总计520.00万元。2023年度收入总计500.00万元。与上年相比，增加20.00万元，增长4.00%。",
]


@pytest.mark.parametrize("text", NEXT_SENTENCE_COMPARISONS)
def test_comparison_opening_the_next_sentence(check, text):
    """Y35: consistent text and ambiguous subjects raise nothing."""
    assert check(report(text), select="Y") == []


def test_a_budget_named_last_is_the_target(check):
    """V22: "…支出年初预算为A" is a budget although 支出 comes first; "共计完成上级任务的819人" stays an actual."""
    text = "我区就业困难对象再就业任务800人，共计完成上级任务的819人，完成102%。"
    assert check(report(text), select="C") == []


NUMBERED_PARTS = [
    # (text, consistent): "W。其中：" and the parts as numbered items on the next lines
    (
        "2024年“三公”经费支出合计8.60万元，其中：\n1.因公出国（境）费0万元；\n2.公务用车购置及运行维护费5.40万元；\n3.公务接待费3.20万元。",
        True,
    ),
    (
        "2024年“三公”经费支出合计8.60万元，其中：\n1.因公出国（境）费0万元；\n2.公务用车购置及运行维护费5.70万元；\n3.公务接待费3.20万元。",
        False,
    ),
    # the last item is short enough to be read as a heading: it still continues the numbering
    (
        "2025年“三公”经费预算数为10.81万元，与2024年预算持平。其中：\n（一）因公出国（境）费0万元，与2024年预算持平。\n（二）公务用车购置及运行费9.98万元，与2024年预算持平。\n（三）公务接待费0.83万元。\n二、机关运行经费预算",
        True,
    ),
    (
        "2025年“三公”经费预算数为10.81万元，与2024年预算持平。其中：\n（一）因公出国（境）费0万元，与2024年预算持平。\n（二）公务用车购置及运行费9.98万元，与2024年预算持平。\n（三）公务接待费0.53万元。\n二、机关运行经费预算",
        False,
    ),
    # an unnumbered line with figures inside the numbered list (a wrapped line): where it ends is unclear
    (
        "2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：\n（一）因公出国（境）费0万元，与2024年预算持平。\n（二）公务用车购置及运行费0万元，其中：公务用车购置费0万元，主要原因是本部门\n无公务用车；公务用车运行费0万元，主要原因是本部门无公务用车。\n（三）公务接待费0.95万元，与2024年预算持平。",
        True,
    ),
]


@pytest.mark.parametrize("text,consistent", NUMBERED_PARTS)
def test_parts_as_numbered_items(check, text, consistent):
    """A25: a 其中 closing its line, then one numbered item per part."""
    found = [f.rule for f in check(report(text), select="S101")]
    assert found == ([] if consistent else ["S101"])


BEHIND_A_COMPARISON = [
    # (text, consistent): 其中 after a comparison or a rate clause breaks down the figure it is about
    (
        "2024年机关运行经费支出35.20万元，比上年增加3.20万元，增长10.00%，其中：办公费12.00万元，差旅费8.20万元，其他商品和服务支出15.00万元。",
        True,
    ),
    (
        "2024年机关运行经费支出35.20万元，比上年增加3.20万元，增长10.00%，其中：办公费12.00万元，差旅费8.50万元，其他商品和服务支出15.00万元。",
        False,
    ),
    (
        "2024年“三公”经费财政拨款支出决算为6.35万元，完成预算的84.67%。其中：因公出国（境）费支出决算0万元；公务用车购置及运行维护费支出决算5.10万元；公务接待费支出决算1.25万元。",
        True,
    ),
    (
        "2024年“三公”经费财政拨款支出决算为6.35万元，完成预算的84.67%。其中：因公出国（境）费支出决算0万元；公务用车购置及运行维护费支出决算5.40万元；公务接待费支出决算1.25万元。",
        False,
    ),
    ("2024年项目支出100.00万元，占本年支出的20.00%，其中：专项业务费60.00万元，信息化建设43.00万元。", False),
    # the 其中 breaks down the change: its parts are changes
    (
        "2024年“三公”经费支出12.50万元，比上年减少1.50万元，其中：公务用车运行维护费减少1.00万元，公务接待费减少0.50万元。",
        True,
    ),
    (
        "2024年基本支出300.00万元，较上年增加20.00万元，增长7.14%。其中人员经费增加15.00万元，公用经费增加5.00万元。",
        True,
    ),
    (
        "2024年收入总计600.00万元，比上年增加50.00万元，其中：财政拨款收入增加40.00万元，其他收入增加10.00万元。",
        True,
    ),
]


@pytest.mark.parametrize("text,consistent", BEHIND_A_COMPARISON)
def test_parts_after_a_comparison(check, text, consistent):
    """A26: "W，比上年增加D，增长E%，其中：…" and "W，完成预算的C%。其中：…" break down W."""
    found = [f.rule for f in check(report(text), select="S101")]
    assert found == ([] if consistent else ["S101"])


POINT_CHANGES = [
    "2024年基本支出占比为75.30%，较上年的78.10%下降2.80个百分点。",
    # without last year's share nothing can be checked
    "2024年预算执行率为96.5%，比上年提高2.3个百分点。",
    "2024年城镇登记失业率为3.2%，比上年下降0.3个百分点，控制在4.5%以内。",
    "2024年满意度为95%，上年为92%，较上年提高3个百分点，增长3.26%。",
]


@pytest.mark.parametrize("text", POINT_CHANGES)
def test_percentage_point_changes_consistent(check, text):
    """B12: a share's change in 个百分点 is this year's share minus last year's."""
    assert check(report(text), select="Y") == []


SHARES_RESPECTIVELY = [
    # (text, consistent): "…，占W的比重分别为x%、y%" zipped in order with the amounts before 占
    (
        "2024年本年支出合计400.00万元，其中基本支出300.00万元、项目支出100.00万元，占本年支出合计的比例分别为75.00%和25.00%。",
        True,
    ),
    (
        "2024年本年支出合计400.00万元，其中基本支出300.00万元、项目支出100.00万元，占本年支出合计的比例分别为78.00%和25.00%。",
        False,
    ),
    (
        "2024年本年收入合计500.00万元，财政拨款收入、其他收入分别为460.00万元、40.00万元，占比分别为92.00%、8.00%。",
        True,
    ),
    (
        "2024年本年收入合计500.00万元，财政拨款收入、其他收入分别为460.00万元、40.00万元，占比分别为92.00%、8.30%。",
        False,
    ),
    # the amounts are not one list: nothing is said
    ("2024年培训费6.00万元；会议费4.00万元，占比分别为60%和45%。", True),
    # regression: the starting code paired 60% with 4.00 / 6.00
    ("2024年三项经费培训费、会议费分别为6.00万元和4.00万元，占比分别为60%和40%。", True),
]


@pytest.mark.parametrize("text,consistent", SHARES_RESPECTIVELY)
def test_shares_respectively_after_the_base(check, text, consistent):
    """B14: 占…的比重分别为x%、y%和z%."""
    found = [f.rule for f in check(report(text), select="P101")]
    assert found == ([] if consistent else ["P101"])


BOTH_TOTALS = [
    "2024年度收入总计、支出总计均为980.00万元，与上年相比，收入总计、支出总计各减少20.00万元，下降2.00%。",
    "2024年因公出国（境）费20.00万元、公务接待费15.00万元，与上年相比分别增加5%。",
    "2024年度收、支总计各1523.26万元。与2023年相比，收、支总计各增加123.26万元。",
    "2024年度收、支总计均为1523.26万元。与2023年相比，收、支总计各持平。",
]


@pytest.mark.parametrize("text", BOTH_TOTALS)
def test_both_totals_changed_alike(check, text):
    """Y36: "收、支总计均为X。…各增加D，增长E%" is one change for both totals; consistent text raises nothing."""
    assert check(report(text), select="Y") == []


def test_a_list_with_its_unit_written_once():
    """ "各是550.00，540.00万元": the unit of the last figure is the list's."""
    from auditor.extract.figures import extract_quantities, respective_labels

    text = "收、支总计各是550.00，540.00万元，各减少50.00，60.00万元。"
    assert [q.unit for q in respective_labels(text, extract_quantities(text, 1))] == ["万元"] * 4
    text = "共有3，5个项目。"  # no list opener: nothing changes
    assert [q.unit for q in respective_labels(text, extract_quantities(text, 1))] == [
        q.unit for q in extract_quantities(text, 1)
    ]


def test_each_items_budget_and_actual_are_no_parts(check):
    """Regression (found in issue 14): "其中：A预算为a，决算为b；B预算为c，决算为d" lists two measures of each item."""
    text = (
        "2024年度“三公”经费财政拨款支出预算为20.00万元，支出决算为16.00万元，完成预算的80.00%，其中：因公出国（境）费"
        "支出预算为0万元，支出决算为0万元；公务用车购置及运行维护费支出预算为12.00万元，支出决算为10.00万元，完成预算的"
        "83.33%；公务接待费支出预算为8.00万元，支出决算为6.00万元，完成预算的75.00%。"
    )
    assert check(report(text)) == []


def test_a_shorter_run_still_settles_without_a_remainder(check):
    """A27: the run-settling of 共申请220件，其中受理218件，不予受理2件，认定工伤209件 is kept; only a list that closes
    with 其他… is read in full."""
    text = "全年共申请工伤认定220件，其中受理218件，不予受理2件，认定工伤209件，视同工伤3件。"
    assert check(report(text), select="S101") == []
    text = (
        "2024年本年收入合计520.00万元，其中：财政拨款收入450.00万元，事业收入50.00万元，其他收入20.00万元。"
    )
    assert check(report(text), select="S101") == []


NAMED_LISTS = [
    "2025年财政拨款收支总预算1000000.00元。收入包括：一般公共预算拨款收入950000.00元、政府性基金预算拨款收入50000.00元。",
    # two amounts in the sentence before: which one the list breaks down is a guess
    "2025年收入预算1000000.00元，支出预算980000.00元。支出包括：基本支出800000.00元、项目支出100000.00元。",
    # 等: the main parts only
    "2025年部门收入预算1000000.00元。支出包括：社会保障和就业支出600000.00元、卫生健康支出150000.00元等。",
]


@pytest.mark.parametrize("text", NAMED_LISTS)
def test_a_list_that_names_the_whole_of_the_sentence_before(check, text):
    """A21: "…收支总预算X。支出包括：A a、B b、C c" — consistent and ambiguous variants raise nothing."""
    assert check(report(text), select="S") == []

/* messages.h — every message fangan reports about a plan, in one table.
 *
 * Each MSG_ name stands for its rule and its printf format, so a call
 * reads diag_add(d, file, pos, MSG_PHASE_GAP, args...): the compiler
 * checks the arguments against the format, an unknown message or rule is
 * a compile error, and the severity comes from the rule table (diag.c).
 * Messages are Chinese, for the plan's author, and say how to fix it
 * where they can.  Grouped by rule, in the order of the rule table.
 */
#ifndef FANGAN_MESSAGES_H
#define FANGAN_MESSAGES_H


/* yaml-syntax */
#define MSG_YAML_SYNTAX R_YAML_SYNTAX, "%s"
#define MSG_YAML_COLON R_YAML_SYNTAX, \
	"键“%.*s”后面是全角冒号“：”，YAML只认半角冒号：请写成“%.*s: ”（半角冒号加一个空格）"
#define MSG_YAML_TAB R_YAML_SYNTAX, \
	"缩进里有制表符（Tab），YAML只能用空格缩进：请把它换成空格"
#define MSG_YAML_SPACE R_YAML_SYNTAX, \
	"这里有一个%s，YAML只认普通的半角空格：请把它换成半角空格"
#define MSG_YAML_QUOTE R_YAML_SYNTAX, \
	"引号没有配对：这个值以%s开头，但到行尾也没有结束的引号，请补上"

/* front-matter */
#define MSG_FRONT_MATTER_MISSING R_FRONT_MATTER, "缺少前置元数据：计划文件应以“---”行开始，写明title等信息"
#define MSG_FRONT_MATTER_EMPTY R_FRONT_MATTER, "文件为空：计划应以“---”开始的前置元数据开头"
#define MSG_FRONT_MATTER_UNCLOSED R_FRONT_MATTER, "前置元数据没有结束：缺少第二条“---”分隔线"
#define MSG_FRONT_MATTER_UNCLOSED_AT R_FRONT_MATTER, \
	"前置元数据没有结束：这一行已是正文，请在它前面加一行“---”"
#define MSG_FRONT_MATTER_NOT_MAP R_FRONT_MATTER, "前置元数据应为“键: 值”的映射，而不是%s"

/* unknown-key */
#define MSG_UNKNOWN_KEY R_UNKNOWN_KEY, "%s未知的键“%s”"
#define MSG_UNKNOWN_KEY_HINT R_UNKNOWN_KEY, "%s未知的键“%s”，是否指“%s”？"

/* field-missing */
#define MSG_FIELD_MISSING_LEDGER_UNITS R_FIELD_MISSING, "附件%zu的行来自参与单位（rows: units），但没有units"
#define MSG_FIELD_MISSING_SCORESHEET_ITEMS R_FIELD_MISSING, \
	"附件%zu是评分表（scoresheet），但criteria中没有评分项目（items）"
#define MSG_FIELD_MISSING_FORM_FIELDS R_FIELD_MISSING, "附件%zu是表单（form），但没有字段（fields）"
#define MSG_FIELD_MISSING_DATE R_FIELD_MISSING, "缺少%s%s"
#define MSG_FIELD_MISSING_KEY R_FIELD_MISSING, "%s%s%s"
#define MSG_FIELD_MISSING_ATT_TITLE R_FIELD_MISSING, "附件%zu缺少标题（title）"
#define MSG_FIELD_MISSING_FIELD_NAME R_FIELD_MISSING, "表单字段缺少名称（name）"
#define MSG_FIELD_MISSING_DUE R_FIELD_MISSING, "截止日期“%s”缺少日期（due）"
#define MSG_FIELD_MISSING_DEADLINE_NAME R_FIELD_MISSING, "第%zu个截止日期缺少名称（name）"
#define MSG_FIELD_MISSING_CAMPAIGN_END R_FIELD_MISSING, \
	"活动时间（campaign）缺少结束日期（end）：最后一个阶段因此没有结束日期，请写明end"
#define MSG_FIELD_MISSING_PHASE_END R_FIELD_MISSING, \
	"最后一个阶段“%s”缺少结束日期（end），也没有活动时间（campaign）可以推出：请写明end"
#define MSG_FIELD_MISSING_PHASE_NAME R_FIELD_MISSING, "第%zu个阶段缺少名称（name）"

/* type-mismatch */
#define MSG_TYPE_MISMATCH_LEDGER_CELLS R_TYPE_MISMATCH, "附件%zu第%zu行有%zu个单元格，多于%zu列，多出的不会显示"
#define MSG_TYPE_MISMATCH_FORMAT R_TYPE_MISMATCH, \
	"“format”应为document（文件）、letter（信函）、order（命令）或minutes（纪要），而不是“%s”"
#define MSG_TYPE_MISMATCH_CURLY R_TYPE_MISMATCH, \
	"“%s”的值两端的弯引号%s%s不属于值，已去掉；要用引号括住值，请用半角引号：\"%s\""
#define MSG_TYPE_MISMATCH_ONE_STRING R_TYPE_MISMATCH, \
	"“%s”是一个用“%s”隔开的字符串，会被当成一个：请写成列表：%s: [%s]"
#define MSG_TYPE_MISMATCH_RULE R_TYPE_MISMATCH, \
	"“%s”不是规则名：可关闭的规则见README或fangan.1的规则表"
#define MSG_TYPE_MISMATCH_RULE_ERROR R_TYPE_MISMATCH, \
	"规则“%s”报告的是错误，不能关闭：请改正方案"
#define MSG_TYPE_MISMATCH_ATT_TYPE R_TYPE_MISMATCH, "附件类型应为form、ledger、scoresheet或text，而不是“%s”"
#define MSG_TYPE_MISMATCH_ROW R_TYPE_MISMATCH, "“rows”的第%zu行应为单元格列表"
#define MSG_TYPE_MISMATCH_CELL R_TYPE_MISMATCH, "表格单元格应为文字"
#define MSG_TYPE_MISMATCH_ROWS R_TYPE_MISMATCH, "“rows”应为units、criteria、deadlines或行的列表，而不是“%s”"
#define MSG_TYPE_MISMATCH_LINES R_TYPE_MISMATCH, "“lines”应为1到40之间的整数"
#define MSG_TYPE_MISMATCH_WIDTH R_TYPE_MISMATCH, "“width”应为full或half，而不是“%s”"
#define MSG_TYPE_MISMATCH_ITEM_MAP R_TYPE_MISMATCH, "“%s”的第%zu项应为映射（name: …），而不是%s"
#define MSG_TYPE_MISMATCH_ITEM R_TYPE_MISMATCH, "“%s”的第%zu项应为文字，而不是%s"
#define MSG_TYPE_MISMATCH_BOOL R_TYPE_MISMATCH, "“%s”应为true或false"
#define MSG_TYPE_MISMATCH_INTEGER R_TYPE_MISMATCH, "“%s”应为整数，而不是“%s”"
#define MSG_TYPE_MISMATCH_SCORE R_TYPE_MISMATCH, "“%s”应为分值（整数或一位小数，如20、17.5），而不是“%s”"
#define MSG_SCORE_PRECISION R_TYPE_MISMATCH, "“%s”的分值%s超过一位小数：分值最多精确到0.1分，请改为%s或%s"
#define MSG_SCORE_RANGE R_TYPE_MISMATCH, "“%s”的分值%s过大：分值应在-1000000000至1000000000之间"
#define MSG_TYPE_MISMATCH R_TYPE_MISMATCH, "“%s”应为%s，而不是%s"
#define MSG_TYPE_MISMATCH_DUPLICATE R_TYPE_MISMATCH, "键“%s”重复出现（第%d行已有）"
#define MSG_TYPE_MISMATCH_KEY R_TYPE_MISMATCH, "键应为文字，而不是%s"

/* date-invalid */
#define MSG_DATE_INVALID R_DATE_INVALID, "“%s”的值“%s”不是日期：请写作YYYY-MM-DD，例如2020-03-01"
#define MSG_DATE_INVALID_DAY R_DATE_INVALID, "“%s”的日期%s不存在"

/* phase-order */
#define MSG_PHASE_ORDER_SEQUENCE R_PHASE_ORDER, "%s始于%s%s，早于%s的开始日期%s：各阶段应按时间先后排列"
#define MSG_PHASE_ORDER_END R_PHASE_ORDER, "%s止于%s%s，早于其开始日期%s%s"
#define MSG_PHASE_ORDER_CAMPAIGN R_PHASE_ORDER, "活动结束日期%s早于开始日期%s"

/* phase-overlap */
#define MSG_PHASE_OVERLAP_DAYS R_PHASE_OVERLAP, "%s（始于%s）与%s（止于%s）重叠%lld天，自%s至%s"
#define MSG_PHASE_OVERLAP_DAY R_PHASE_OVERLAP, "%s（始于%s）与%s（止于%s）重叠1天，即%s"
#define MSG_PHASE_OVERLAP_SHARED R_PHASE_OVERLAP, "%s（始于%s）与%s（止于%s）共用%s"

/* phase-gap */
#define MSG_PHASE_GAP R_PHASE_GAP, "%s止于%s，%s始于%s，其间%s（%lld天）不属于任何阶段"

/* phase-outside */
#define MSG_PHASE_OUTSIDE_END R_PHASE_OUTSIDE, "%s止于%s%s，晚于活动结束日期%s"
#define MSG_PHASE_OUTSIDE_START R_PHASE_OUTSIDE, "%s始于%s%s，早于活动开始日期%s"

/* deadline-outside */
#define MSG_DEADLINE_OUTSIDE_PHASE_END R_DEADLINE_OUTSIDE, "%s（%s）晚于所属阶段“%s”的结束日期%s"
#define MSG_DEADLINE_OUTSIDE_PHASE_START R_DEADLINE_OUTSIDE, "%s（%s）早于所属阶段“%s”的开始日期%s"
#define MSG_DEADLINE_OUTSIDE_NO_PHASE R_DEADLINE_OUTSIDE, "%s所属的阶段“%s”不存在%s%s%s"
#define MSG_DEADLINE_OUTSIDE_AFTER R_DEADLINE_OUTSIDE, "%s（%s）晚于活动结束日期%s"
#define MSG_DEADLINE_OUTSIDE_BEFORE R_DEADLINE_OUTSIDE, "%s（%s）早于活动开始日期%s"

/* deadline-in-gap */
#define MSG_DEADLINE_IN_GAP R_DEADLINE_IN_GAP, "%s（%s）不在任何阶段内：%s"

/* deadline-before-issue */
#define MSG_DEADLINE_BEFORE_ISSUE R_DEADLINE_BEFORE_ISSUE, "%s（%s）早于成文日期%s，届时方案尚未发出，无法按期完成"

/* deadline-weekend */
#define MSG_DEADLINE_WEEKEND R_DEADLINE_WEEKEND, "%s（%s）是%s"
#define MSG_DEADLINE_WEEKEND_WORKDAY \
	R_DEADLINE_WEEKEND, "%s（%s）是%s，但该日为调休上班日（%s调休），不算周末"

/* text-date-conflict */
#define MSG_TEXT_DATE_CONFLICT R_TEXT_DATE_CONFLICT, "正文写%s“%s”的时间为“%.*s%s%s”，但%s中该%s%s"

/* text-date-unlisted */
#define MSG_TEXT_DATE_UNLISTED R_TEXT_DATE_UNLISTED, \
	"正文中的日期“%.*s”与时间安排（campaign、phases、deadlines）中的任何日期都不对应"

/* criteria-sum */
#define MSG_CRITERIA_SUM R_CRITERIA_SUM, "%zu个评分项的分值合计%s分，与总分%s分不符%s"
#define MSG_CRITERIA_SUM_OVERFLOW R_CRITERIA_SUM, "%zu个评分项的分值合计超出可计算的范围，与总分%s分不符%s"
#define MSG_TEXT_POINTS_CONFLICT R_TEXT_POINTS_CONFLICT, "正文写评分项“%s”为%s分，但criteria中该项为%s分（第%d行），请统一两处的分值"

/* rating-overlap */
#define MSG_RATING_OVERLAP R_RATING_OVERLAP, "%s（%s）与%s（%s）重叠：%s同时属于两个等次"

/* rating-gap */
#define MSG_RATING_GAP R_RATING_GAP, "%s不属于任何等次（总分%s分）"
#define MSG_RATING_GAP_ABOVE_TOTAL R_RATING_GAP, "%s的上限%s分超过总分%s分"
#define MSG_RATING_GAP_NEGATIVE R_RATING_GAP, "%s的下限%s分低于0分"
#define MSG_RATING_GAP_INVERTED R_RATING_GAP, "%s的下限（%s分）高于上限（%s分）"

/* percent-range */
#define MSG_PERCENT_RANGE_INVERTED R_PERCENT_RANGE, "%s的下限%ld%%高于上限%ld%%"
#define MSG_PERCENT_RANGE R_PERCENT_RANGE, "%s的%s%ld%%不在0%%至100%%之间"

/* heading-sequence */
#define MSG_HEADING_SEQUENCE_SKIP R_HEADING_SEQUENCE, "标题编号“%s”不连续：上一个同级编号是“%s”，此处应为“%s”"
#define MSG_HEADING_SEQUENCE_FIRST R_HEADING_SEQUENCE, "标题编号“%s”不连续：此处应为“%s”"
#define MSG_HEADING_SEQUENCE_BACK R_HEADING_SEQUENCE, "标题编号“%s”重复或倒退：上一个同级编号是“%s”，此处应为“%s”"

/* heading-level */
#define MSG_HEADING_LEVEL R_HEADING_LEVEL, "标题层级跳跃：从第%d级直接到第%d级（%.*s）"

/* heading-unmarked */
#define MSG_HEADING_UNMARKED R_HEADING_UNMARKED, "这一段像是%s级标题，请写作“%s %.*s”"

/* attachment-ref */
#define MSG_ATTACHMENT_REF_NOTE R_ATTACHMENT_REF, "附件说明列出附件%d，但只有%zu个附件"
#define MSG_ATTACHMENT_REF_BEYOND R_ATTACHMENT_REF, "正文提到附件%d，但只有%zu个附件"
#define MSG_ATTACHMENT_REF_NONE R_ATTACHMENT_REF, "正文提到附件%d，但前置元数据中没有附件（attachments）"
#define MSG_ATTACHMENT_REF_FORM R_ATTACHMENT_REF, "%s要求报送的附件“%s”不存在%s%s%s"
#define MSG_ATTACHMENT_REF_FORM_NONE R_ATTACHMENT_REF, "%s要求报送的附件“%s”不存在：方案没有附件"
#define MSG_ATTACHMENT_REF_FILE_UNREADABLE R_ATTACHMENT_REF, "附件文件“%s”无法读取：%s"
#define MSG_ATTACHMENT_REF_FILE_PATH R_ATTACHMENT_REF, "附件文件“%s”必须是方案所在文件夹内的相对路径"
#define MSG_ATTACHMENT_REF_FILE_SYMLINK R_ATTACHMENT_REF, \
	"附件文件“%s”是符号链接（或经过符号链接的文件夹）：fangan只读取方案所在文件夹里真正的文件，请把文件本身复制进来"

/* placeholder */
#define MSG_PLACEHOLDER R_PLACEHOLDER, "未替换的占位符“%.*s”"

/* glyph-missing */
/* format (check_format.c) */
#define MSG_FORMAT_EMPTY_NAME R_FORMAT, "“%s”的第%zu个%s是空的：请填写名称，或删去这一项"
#define MSG_FORMAT_SEAL_NO_ISSUER R_FORMAT, \
	"“seal: true”要求加盖发文机关印章，但没有发文机关（issuer）：请填写issuer，或改为seal: false"
#define MSG_FORMAT_SEALED_MINUTES R_FORMAT, \
	"纪要格式不署名、不加盖印章（GB/T 9704 §10.3）：请删去“seal: true”"
#define MSG_FORMAT_ORDER_POST R_FORMAT, \
	"命令格式由签发人职务和签名章署名（GB/T 9704 §10.2）：请用signed_by填写职务，例如signed_by: 市长"
#define MSG_FORMAT_JOINT_STAMP R_FORMAT, \
	"联合行文由各发文机关署名，签名章（signed_by）只用于一位签发人：署名将只有职务和签名章"
#define MSG_FORMAT_UNUSED R_FORMAT, "%s格式%s，“%s”不会印出"
#define MSG_FORMAT_TOO_MANY_ISSUERS R_FORMAT, \
	"联合发文机关最多7个，这里有%zu个：再多一页就排不下各机关的署名和印章，发文机关标志也会超出首页；请只列主办机关和主要的联合机关"
#define MSG_FORMAT_TOO_MANY_HEADERS R_FORMAT, \
	"发文机关标志最多7行，这里有%zu行：再多就超出首页；请只列主办机关和主要的联合机关"
#define MSG_FORMAT_TOO_MANY_SIGNERS R_FORMAT, \
	"签发人排不下首页：发文机关标志有%zu行，签发人最多还能列%zu个（两人一行），这里有%zu个"
#define MSG_FORMAT_DOC_NUMBER_LONG R_FORMAT, \
	"发文字号有%zu个字，最多%d个字（一行排不下就会超出版心）：发文字号由机关代字、年份和发文顺序号组成，如“市直工〔2020〕30号”"
#define MSG_FORMAT_TITLE_LONG R_FORMAT, \
	"标题有%zu个字，最多%d个字（再长首页就排不下标题和正文的开头）：标题应概括公文的主要内容，请精简"
#define MSG_FORMAT_NAME_LONG R_FORMAT, \
	"“%s”的%s有%zu个字，最多%d个字：请用规范化简称"

#define MSG_GLYPH_MISSING R_GLYPH_MISSING, "字符“%s”（U+%04X）没有任何已配置的%s字体能够显示"

/* form-overflow */
#define MSG_FORM_OVERFLOW R_FORM_OVERFLOW, \
	"表格“%s”排不下一页，将分页打印：书写行共%d行，减到%d行以内（例如“%s”由%d行减为%d行）即可排在一页"
#define MSG_FORM_OVERFLOW_FIELDS R_FORM_OVERFLOW, \
	"表格“%s”排不下一页，将分页打印：栏目太多，即使每栏只留一行也排不下，请减少栏目或拆成两张表"

/* template */
#define MSG_TEMPLATE_KIND R_TEMPLATE, "模板“%s”（%s）是%s模板，不能用作%s模板"
#define MSG_TEMPLATE_NOT_FOUND R_TEMPLATE, "找不到模板“%s”（在方案旁、当前目录和安装目录的templates/中查找）"
#define MSG_TEMPLATE_NAME R_TEMPLATE, "模板“%s”应是templates/文件夹中的文件名，不能含“/”、“\\”或以“.”开头"
#define MSG_TEMPLATE_SCHEMA_FILE_AT R_TEMPLATE, "模式文件template.rng有误：%s"
#define MSG_TEMPLATE_SCHEMA R_TEMPLATE, "模板不符合模式template.rng：%s"
#define MSG_TEMPLATE_XML R_TEMPLATE, "模板不是格式正确的XML：%s"
#define MSG_TEMPLATE_DUPLICATE R_TEMPLATE, "模板中元素<%s>出现了不止一次"
#define MSG_TEMPLATE_VALUE R_TEMPLATE, "模板中<%s %s=\"%s\">的值无法使用：应为%s"
#define MSG_TEMPLATE_RANGE R_TEMPLATE, "模板中<%s %s=\"%s\">的值超出范围（允许%s）"
#define MSG_TEMPLATE_PAGE_SMALL R_TEMPLATE, "模板中纸张（宽%.1fmm，高%.1fmm）太小：宽和高都应至少10mm"
#define MSG_TEMPLATE_BODY_WIDTH R_TEMPLATE, "模板中版心（订口%.1fmm加宽%.1fmm）超出了纸张宽度%.1fmm"
#define MSG_TEMPLATE_BODY_HEIGHT R_TEMPLATE, "模板中版心（天头%.1fmm加高%.1fmm）超出了纸张高度%.1fmm"
#define MSG_TEMPLATE_BODY_LINES R_TEMPLATE, "模板中版心高度排不下%d行%.1fpt的文字"
#define MSG_TEMPLATE_BODY_CHARS R_TEMPLATE, "模板中版心宽度排不下每行%d个%.1fpt的字"
#define MSG_TEMPLATE_EM_ASCENT R_TEMPLATE, "模板中em-ascent应在0和1之间"
#define MSG_TEMPLATE_HEADER_SCALE R_TEMPLATE, "模板中<header>的min-scale应大于0.05且不大于1"
#define MSG_TEMPLATE_HEADER_SIZES R_TEMPLATE, "模板中<header>的min-size不能大于max-size，max-width应大于0"
#define MSG_TEMPLATE_OFF_PAGE R_TEMPLATE, \
	"模板中<%s>的%s为%.1fmm，%s%s：请把%s改为不超过%.1fmm"
#define MSG_TEMPLATE_TOO_CLOSE R_TEMPLATE, \
	"模板中<%s>的%s为%.1fmm，%s%s：请把%s改为不少于%.1fmm"
#define MSG_TEMPLATE_OFF_PAGE_ANY R_TEMPLATE, \
	"模板中<%s>的%s为%.1fmm，%s%s：即使把%s改为0也排不下，请加大纸张或版心，或减小其他尺寸"
#define MSG_TEMPLATE_ROWS_MIN_LINE R_TEMPLATE, "模板中<rows>的min-line不能大于line"
#define MSG_TEMPLATE_LABEL_CHARS R_TEMPLATE, "模板中<label>的min-chars不能大于max-chars"
#define MSG_TEMPLATE_ROWS_HEIGHT R_TEMPLATE, "模板中<rows>的height小于单元格文字的字号"
#define MSG_TEMPLATE_ROWS_MIN_LINE_SIZE R_TEMPLATE, "模板中<rows>的min-line小于单元格文字的字号"
#define MSG_TEMPLATE_CELLS_LEADING R_TEMPLATE, "模板中<cells>的leading应不小于1"
#define MSG_TEMPLATE_CELL_HEIGHT R_TEMPLATE, "模板中<cell>的min-height小于单元格文字的字号"
#define MSG_TEMPLATE_SCHEMA_UNREADABLE R_TEMPLATE, "无法读取模式文件template.rng"
#define MSG_TEMPLATE_UNREADABLE R_TEMPLATE, "模板文件无法读取或超过1MB"
#define MSG_TEMPLATE_SCHEMA_MISSING R_TEMPLATE, \
	"找不到模式文件template.rng（在方案旁、当前目录和安装目录的templates/中），无法校验模板"
#define MSG_TEMPLATE_SCHEMA_FILE R_TEMPLATE, "模式文件template.rng有误，无法校验模板"
#define MSG_TEMPLATE_PARSE R_TEMPLATE, "模板无法解析"
#define MSG_TEMPLATE_INVALID R_TEMPLATE, "模板不符合模式template.rng"
#define MSG_TEMPLATE_SYMLINK R_TEMPLATE, \
	"这个文件或它所在的templates文件夹是符号链接：fangan只读取templates/里真正的文件，请把文件本身复制进来"
#define MSG_TEMPLATE_NOT_REGULAR R_TEMPLATE, \
	"这不是普通文件（是管道、设备或套接字）：请换成真正的XML文件"
#define MSG_TEMPLATE_DOCTYPE R_TEMPLATE, \
	"文件含有<!DOCTYPE …>（文档类型定义）：fangan不读取DTD和实体，以免读到别的文件、连接网络或展开成极大的内容；请删去这一段"
#define MSG_TEMPLATE_SCHEMA_EXTERNAL R_TEMPLATE, \
	"模式文件template.rng不能用<%s href=\"%s\">引用其他文件或网址：请把所需的定义直接写进template.rng"

/* char-control */
#define MSG_CHAR_NUL R_CHAR_CONTROL, \
	"这里有一个空字符（U+0000）：它会截断文字，请删去（文件可能从别的程序复制来时混入了它）"
#define MSG_CHAR_BIDI R_CHAR_CONTROL, \
	"这里有一个看不见的方向控制符（U+%04X）：它会让文字显示的顺序与实际的不同，请删去"
#define MSG_CHAR_C0 R_CHAR_CONTROL, \
	"这里有一个控制字符（U+%04X）：它看不见，却会搅乱终端、日历等程序的显示，请删去（文件可能从别的程序复制来时混入了它）"

/* cell-overflow */
#define MSG_CELL_OVERFLOW R_CELL_OVERFLOW, \
	"附件%zu的表格中这一格排成%zu行，比一页还高，超出的部分会被截掉：请缩短这一格，或把内容分到几行"
#define MSG_CELL_OVERFLOW_HEAD R_CELL_OVERFLOW, \
	"附件%zu的表格中这一格排成%zu行，单独能排在一页，但加上每页重复的表头（高%.0f毫米）比一页（%.0f毫米）还高，" \
	"超出的部分会被截掉：请缩短这一格或表头的列名，或把内容分到几行"
#define MSG_CELL_OVERFLOW_HEADER R_CELL_OVERFLOW, \
	"附件%zu的表头排成%zu行，高%.0f毫米，一页只有%.0f毫米，每页重复表头后连一行也排不下：请缩短这一列的列名，" \
	"或减少列数"
#define MSG_CELL_OVERFLOW_MIN R_CELL_OVERFLOW, \
	"附件%zu的表格按模板每行至少高%.0f毫米（<cell min-height>，或有空格待填写时write-lines×write-line），" \
	"加上表头（%.0f毫米）比一页（%.0f毫米）还高：请在模板中把这些值改小"
#define MSG_CELL_OVERFLOW_PADDING R_CELL_OVERFLOW, \
	"附件%zu的表格模板的单元格边距（<cells padding>，%.1f毫米）太大，使这一格排成%zu行、这一行高%.0f毫米，" \
	"比一页除去表头的%.0f毫米还高：请在模板中把padding改小"

/* font-limit (layout.c, compose.c) */
#define MSG_FONT_LIMIT R_FONT_LIMIT, \
	"字符“%s”（U+%04X）是本文档用字体%s显示的第%d个不同字符：PDF的一种字体最多容纳%d个不同字符（CID为两个字节），文档无法生成；请把文档拆成几份，或在fonts/fonts.map中为这些字符另指定字体"

/* input */
#define MSG_INPUT_ENCODING R_INPUT, "文件不是有效的UTF-8编码：第%zu字节（0x%02X）处编码无效"
#define MSG_INPUT_CELLS R_INPUT, \
	"表格分隔符“|”在这一行超过%d个，或在正文中共超过%d个，正文不再往下读：公文的表格用不到这么多，请把表格拆开或删去多余的“|”"
#define MSG_INPUT_NESTING R_INPUT, \
	"这一行的引用（>）或列表标记嵌套超过%d层，正文不再往下读：公文用不到这么深的层次，请删去多余的标记"

/* proofreading (check_proof.c) */
#define MSG_PUNCT_HALFWIDTH R_PUNCT_HALFWIDTH, \
	"半角标点“%s”用在中文里，应为全角“%s”（GB/T 15834）"
#define MSG_PUNCT_DOUBLED R_PUNCT_DOUBLED, "标点重复“%.*s”：请只留一个"
#define MSG_PUNCT_UNPAIRED_OPEN R_PUNCT_UNPAIRED, "“%s”没有配对的“%s”：请补上或删去"
#define MSG_PUNCT_UNPAIRED_CLOSE R_PUNCT_UNPAIRED, "“%s”前面没有配对的“%s”：请补上或删去"
#define MSG_PUNCT_QUOTE_TURNED R_PUNCT_UNPAIRED, "前引号“后面又是前引号：这里应为后引号”"
#define MSG_PUNCT_EMPTY R_PUNCT_EMPTY, "“%s%s”中间是空的：请补上内容或删去"
#define MSG_CHAR_DOUBLED R_CHAR_DOUBLED, "“%s%s”：可能多打了一个“%s”"
#define MSG_DIGITS_MIXED R_DIGITS_MIXED, "数字“%.*s”混用了全角和半角数字：请统一写成半角数字"

/* holidays (check_timeline.c, read/holidays.c) */
#define MSG_DEADLINE_HOLIDAY R_DEADLINE_HOLIDAY, "%s（%s）落在%s假期（%s至%s）"
#define MSG_PHASE_HOLIDAY R_PHASE_HOLIDAY, "%s%s于%s，这天是%s假期（%s至%s）"
#define MSG_HOLIDAY_DATA R_HOLIDAY_DATA, \
	"节假日数据中还没有%d年的安排，无法检查截止日期是否落在假期：" \
	"国务院办公厅的通知发布后，请把它加进data/holidays.txt"

#endif

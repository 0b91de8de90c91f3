//! Each SDK-list layout that real policies use, read from a short excerpt of a real
//! document (its path under `../shared/policies/` or `samples/policies/seeds/` is given
//! above each excerpt), each with a negative twin: text of the same shape that lists no SDK
//! (or a variant the reader must treat differently). Whole-corpus figures are in
//! `tests/policy_corpus.rs`; the layouts and rules are in `docs/policy.md`.

use sdkflow::catalog::Catalog;
use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases, DeclaredPolicy};

fn read(name: &str, text: &str) -> DeclaredPolicy {
    let aliases = Aliases::new(Catalog::embedded().aliases());
    policy::read_bytes(
        name,
        text.as_bytes(),
        Dictionary::embedded().expect("dictionary"),
        &aliases,
    )
    .expect("policy reads")
}

/// (name as written, sdk id) of the listed SDKs.
fn listed(p: &DeclaredPolicy) -> Vec<(String, Option<String>)> {
    p.sdks
        .iter()
        .filter(|s| s.listed)
        .map(|s| (s.name.clone(), s.sdk_id.clone()))
        .collect()
}

fn names(p: &DeclaredPolicy) -> Vec<String> {
    listed(p).into_iter().map(|(n, _)| n).collect()
}

fn has_perm(p: &DeclaredPolicy, short: &str) -> bool {
    let full = format!("android.permission.{short}");
    p.permissions.iter().any(|x| x.permission == full)
}

// ---------------------------------------------------------------------------------------
// Pipe tables
// ---------------------------------------------------------------------------------------

/// ca4p/0755_com_kaluli.txt lines 131-135: header row, no outer pipes.
const KALULI: &str = "以下是我们接入的第三方SDK：
SDK名称 | 类型 | 开发商 | 收集信息 | 服务商隐私政策  
---|---|---|---|---  
友盟社会化分享sdk | 社交 | 北京锐讯灵通科技有限公司 | 设备信息、查看网络状态、完全的网络访问权限 |  [https://www.umeng.com/page/policy](https://www.umeng.com/page/policy)  
极光推送 | 推送 | 深圳市和讯华谷信息技术有限公 司 | 设备信息（Mac地址、唯一设备识别码、硬件序列号）、网路信息、位置信息、完全的网络访问权限 | [ https://www.jiguang.cn/license/privacy](https://www.jiguang.cn/license/privacy)  
";

#[test]
fn pipe_table_with_header_without_outer_pipes() {
    let p = read("kaluli.md", KALULI);
    assert_eq!(
        listed(&p),
        [
            ("友盟社会化分享sdk".into(), Some("umeng-share".into())),
            ("极光推送".into(), Some("jpush".into())),
        ]
    );
    let jpush = &p.sdks[1];
    assert_eq!(
        jpush.vendor.as_deref(),
        Some("深圳市和讯华谷信息技术有限公司")
    );
    assert!(
        jpush.data_types.iter().any(|d| d == "device_id.mac"),
        "{jpush:?}"
    );
    assert_eq!(
        jpush.link.as_deref(),
        Some("https://www.jiguang.cn/license/privacy")
    );
}

/// The same rows as Markdown writes them with leading and trailing pipes.
#[test]
fn pipe_table_with_outer_pipes_reads_the_same() {
    let outer: String = KALULI
        .lines()
        .map(|l| {
            if l.contains('|') {
                format!("| {} |\n", l.trim_end())
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert_eq!(
        names(&read("kaluli.md", &outer)),
        names(&read("kaluli.md", KALULI))
    );
}

/// Negative twin: a permission table of the same shape (ca4p/0930_org_fungo_fungoliveallstar.txt
/// lines 24-27) names no SDK, but explains permissions.
#[test]
fn permission_pipe_table_lists_no_sdk() {
    let t = "设备权限 | 业务功能 | 权限授权方式 | 是否可关闭  
---|---|---|---  
存储 | 保存图片、文件或缓存信息到手机 | 用户首次进入播放器时弹窗 | 是  
摄像头 | 拍照使用扫一扫识别、头像修改 | 用户首次使用摄像头拍摄时弹窗询问 | 是  
";
    let p = read("fungo.md", t);
    assert!(names(&p).is_empty(), "{:?}", names(&p));
    assert!(has_perm(&p, "CAMERA"));
}

/// ca4p/0707_com_nd_android_pandareader.txt lines 40-44 and 67-70: rows broken over two
/// lines (a cell held a line break), and a second block with no header row at all.
#[test]
fn pipe_rows_broken_over_lines_and_headerless_blocks() {
    let t = "序号 | SDK名称 | 场景描述 | 个人信息字段 | 隐私政策链接 | 第三方机构名称  
---|---|---|---|---|---  
1 | 极光 | 消息推送、一键登录 | 设备唯一标识码、 设备MAC 地址、软件列表 |
<https://www.jiguang.cn/license/privacy> | 深圳市和讯华谷信息技术有限公司  
2 | 个推 | 消息推送、一键登录 | 设备唯一标识码、 设备MAC 地址、软件列表 | <http://docs.getui.com/privacy/>
| 浙江每日互动网络科技股份有限公司  
==========
12 | 友盟SDK | 数据统计 | 设备唯一标识码 | <https://www.umeng.com/policy> | 友盟同欣（北京）科技有限公司  
13 | 支付宝 | 支付 | 设备唯一标识码 | <https://render.alipay.com/p/c/k2cx0tg8> |
蚂蚁科技集团股份有限公司  
14 | 神策 | 数据统计 | 设备唯一标识码 | <https://www.sensorsdata.cn/terms/privacy.html> |
";
    let p = read("pandareader.txt", t);
    assert_eq!(names(&p), ["极光", "个推", "友盟SDK", "支付宝", "神策"]);
    assert!(p.sdks.iter().all(|s| !s.name.contains("http")));
}

/// ca4p/0501_com_bertadata_qxb.txt lines 172-176: a rowspan flattened to text leaves rows
/// without their first cells; the names sit in the 第三方名称 column with the company in
/// brackets.
#[test]
fn rowspan_rows_keep_their_columns() {
    let t = "功能类型| 使用目的| 第三方名称| 涉及个人信息| 第三方隐私政策  
---|---|---|---|---  
附近企业| 根据用户选择，为用户提供实时定位服务| 高德（高德软件有限公司）| 位置信息|<http://map.amap.com/doc/serviceitem.html>  
支付结算| 根据用户选择，为用户提供支付功能| 微信支付（深圳市腾讯计算机系统有限公司）| 设备信息|[https://weixin.qq.com/](https://weixin.qq.com/)  
支付宝（支付宝（中国）网络技术有限公司）| 设备信息| <https://render.alipay.com/p/c/k2cx0tg8>  
";
    let p = read("qxb.txt", t);
    assert_eq!(names(&p), ["高德", "微信支付", "支付宝"]);
    assert_eq!(
        p.sdks[2].vendor.as_deref(),
        Some("支付宝（中国）网络技术有限公司")
    );
}

// ---------------------------------------------------------------------------------------
// HTML tables
// ---------------------------------------------------------------------------------------

/// usongame_sdk.md lines 43-75 and 509-516 (cells shortened): a colspan title row above
/// the header, a header that calls the name column 功能类型, cells with nested tags, and a
/// server-side service in the same table (a partner, not an SDK).
const USONGAME: &str = "<table>
  <thead>
  <tr>
    <th colspan=\"9\">秋水游戏第三方信息共享清单(Android)</th>
  </tr>
  <tr>
    <th>功能类型</th><th>第三方名称</th><th>使用目的</th><th>使用场景</th><th>共享方式</th>
    <th>使用范围</th><th>使用的敏感权限</th><th>收集类型</th><th>第三方隐私政策或官网链接</th>
  </tr>
  </thead>
  <tbody>
  <tr>
    <td>华为游戏服务SDK</td>
    <td>华为技术有限公司</td>
    <td>登录、支付、推送</td>
    <td>当华为渠道用户登录时</td>
    <td>SDK本机采集</td>
    <td>华为渠道用户</td>
    <td></td>
    <td>网络信息、运营商信息、日志信息、设备信息（设备标识符、产品品牌）</td>
    <td>https://developer.huawei.com/consumer/cn/doc/development/HMSCore-Guides/sdk-data-security-0000001050042177<div>注意：需要访问境外IP地址</div></td>
  </tr>
  <tr>
    <td>阿里云服务</td>
    <td>阿里云计算有限公司</td>
    <td>云服务</td>
    <td>当哔哩哔哩渠道用户使用App时</td>
    <td>服务端数据采集</td>
    <td>哔哩哔哩渠道用户</td>
    <td></td>
    <td>设备信息</td>
    <td>https://terms.aliyun.com/legal-agreement/terms/suit_bu1_ali_cloud/suit_bu1_ali_cloud201902141711_54837.html</td>
  </tr>
  </tbody>
</table>";

#[test]
fn html_table_with_title_row_lying_header_and_partner_row() {
    let p = read("usongame.mdx", USONGAME);
    assert_eq!(names(&p), ["华为游戏服务SDK"]);
    assert_eq!(p.sdks[0].vendor.as_deref(), Some("华为技术有限公司"));
    let partners: Vec<&str> = p.partners.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(partners, ["阿里云服务"]);
}

/// Negative twin: the partner row with its data collected by an SDK is an SDK again.
#[test]
fn html_row_collected_by_sdk_is_an_sdk() {
    let p = read(
        "usongame.mdx",
        &USONGAME.replace("服务端数据采集", "SDK本机采集"),
    );
    assert_eq!(names(&p), ["华为游戏服务SDK", "阿里云服务"]);
    assert!(p.partners.is_empty());
}

/// catstudio_sdk-list.md lines 1101-1120: a Word "save as HTML" row whose SDK name is
/// split across `<span>` runs and `<p>` inside cells.
#[test]
fn word_html_names_split_across_spans() {
    let t = "<html><body><table>
 <tr><td><p>第三方公司名称</p></td><td><p>产品/ 类型</p></td><td><p>共享信息名称</p></td><td><p>使用目的</p></td></tr>
 <tr style='mso-yfti-irow:5'>
  <td width=136 style='width:102.25pt;padding:0cm 0cm 0cm 0cm'>
  <p class=MsoNormal><span style='mso-bookmark:_Hlk131534063'>新浪网络技术股份有限公司</span></p>
  </td>
  <span style='mso-bookmark:_Hlk131534063'></span>
  <td width=139 style='width:104.25pt;padding:0cm 0cm 0cm 0cm'>
  <p class=MsoNormal><span style='mso-bookmark:_Hlk131534063'>新<span
  class=GramE>浪微博</span><span lang=EN-US> SDK</span></span></p>
  </td>
  <td><p>设备信息、 本机号码、Android ID</p></td>
  <td><p>微博授权登录、实现将游戏内容分享到微博</p></td>
 </tr>
 <tr>
  <td><p>深圳市腾讯计算机系统有限公司</p></td>
  <td><p>微信<span lang=EN-US>SDK</span></p></td>
  <td><p>设备信息 本机号码</p></td>
  <td><p>微信授权登录、实现将游戏内容分享到微信</p></td>
 </tr>
</table></body></html>";
    let p = read("catstudio.htm", t);
    assert_eq!(
        listed(&p),
        [
            ("新浪微博SDK".into(), Some("weibo-sdk".into())),
            ("微信SDK".into(), Some("wechat-opensdk".into())),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Tables flattened one cell per line
// ---------------------------------------------------------------------------------------

/// ca4p/0728_com_pedometer_money_cn.txt lines 223-250: every cell on its own line, a lone
/// `|` line between cells, blank lines between rows, a company and its link in one cell.
#[test]
fn flattened_pipe_table_one_cell_per_line() {
    let t = "SDK名称
|
可能收集的个人信息
|
使用场景
|
SDK所属公司及其隐私政策链接  
  
---|---|---|---  
  
腾讯广告
|
IMEI、 ** _精准位置信息（GPS）_**
|
推送广告
|
深圳市腾讯计算机系统有限公司
<https://privacy.qq.com/>  
  
穿山甲
|
IMEI、IMSI、MAC地址、 ** _精准位置信息（GPS）_**
|
推送广告
|
北京有竹居网络技术有限公司
<https://www.toutiao.com/privacy_protection/>  
";
    let p = read("pedometer.txt", t);
    assert_eq!(
        listed(&p),
        [
            ("腾讯广告".into(), Some("tencent-gdt".into())),
            ("穿山甲".into(), Some("pangle".into())),
        ]
    );
    assert!(p.sdks[1].data_types.iter().any(|d| d == "device_id.imsi"));
}

/// samples/policies/seeds/002_16aba12272f79583.txt lines 54-72: a permission table one cell
/// per line with blank lines between rows, and the same cells as crawlers also deliver
/// them, without the blank lines (the header's cycle of five regroups them). Neither lists
/// an SDK (negative twin of the SDK table above).
#[test]
fn flattened_table_with_and_without_blank_lines() {
    let with_blanks = " 业务功能 
 对应权限 
 使用目的 
 是否询问 
 可否关闭 


 数据采集
 修改或删除存储卡中的内容、读取联系人
 采集到的数据更新至通讯率以及删除更新的数据
 是
 是


 地图采集
 访问确切位置信息（使用 GPS 和网络进行定位）
 根据LBS定位用户位置，搜索周边商户
 是
 是
";
    let without: String = with_blanks
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    for t in [with_blanks, without.as_str()] {
        let p = read("002.txt", t);
        assert!(names(&p).is_empty(), "{:?}", names(&p));
        assert!(has_perm(&p, "READ_CONTACTS"), "{t}");
        assert!(has_perm(&p, "ACCESS_FINE_LOCATION"), "{t}");
    }
}

// ---------------------------------------------------------------------------------------
// Record blocks
// ---------------------------------------------------------------------------------------

/// ca4p/0541_com_by_butter_camera.txt lines 92-101: bold name lines (names the catalogue
/// may not know) followed by `key：value` lines, the link on a line of its own.
#[test]
fn record_blocks_name_line_then_key_value_lines() {
    let t = " **接入的第三方SDK清单：**
 **七鱼**
使用目的：联系客服
共享的个人信息类型：设备MAC地址；唯一识别码（IMEI； Android ID；IMSI；IDFA；IDFV）
官方网站：
[http://www.163qiyukf.com](butter://camera/web?url=http://www.163qiyukf.com/)
 **听云**
使用目的：技术性数据统计，收集崩溃、卡顿等数据
共享的个人信息类型：设备的网络种类
官方网站：[https://www.tingyun.com](butter://camera/web?url=https://www.tingyun.com/)
 **umeng（友盟）**
使用目的：数据统计及分析
共享的个人信息类型：设备MAC地址；唯一识别码（IMEI； Android ID；IMSI；IDFA；IDFV）
";
    let p = read("butter.txt", t);
    assert_eq!(names(&p), ["七鱼", "听云", "umeng（友盟）"]);
    assert_eq!(p.sdks[2].sdk_id.as_deref(), Some("umeng-analytics"));
    assert_eq!(
        p.sdks[1].purpose.as_deref(),
        Some("技术性数据统计，收集崩溃、卡顿等数据")
    );
    assert!(p.sdks[0].data_types.iter().any(|d| d == "device_id.imei"));
}

/// Negative twin: permission records of the same shape (ca4p/0812_com_xiaomi_xiaoailite.txt
/// wording) are not SDKs.
#[test]
fn permission_records_are_not_sdks() {
    let t = "读取手机状态和身份
使用目的：识别设备
权限：READ_PHONE_STATE
写入外部存储卡
使用目的：保存图片
权限：WRITE_EXTERNAL_STORAGE
";
    let p = read("perms.txt", t);
    assert!(names(&p).is_empty(), "{:?}", names(&p));
}

// ---------------------------------------------------------------------------------------
// Numbered lists, prose
// ---------------------------------------------------------------------------------------

/// ca4p/0763_com_jx_cmcc_ict_ibelieve.txt lines 46-52: numbered items `（n）名称SDK：…`,
/// one item's line broken in two.
#[test]
fn numbered_items_naming_sdks() {
    let t = "。这些SDK包括：
（1）灵犀在线翻译SDK：提供国际漫游模块中在线翻译功能,需要用户授予录音权限，如不授权该权限将不能使用该功能。
（2）高德SDK：我们会使用高德SDK，您授权同意后获取本机位置权限，根据位置精准推送当地活动。
（3）科大讯飞SDK：为了便于您使用语音搜索功能够，我们使用了科大讯飞SDK。需要访问您的麦克风权限。
（4）和飞信SDK：提供及时通讯，短视频，语音，图片,位置等im功能，需要用户授予存储、位置权限，如不授权
开启消息推送可关闭推送能力。
（5）和彩云 sdk：提供彩云空间存储查看备份的功能，需要用户授予存储权限。
";
    let p = read("ibelieve.txt", t);
    assert_eq!(
        names(&p),
        [
            "灵犀在线翻译SDK",
            "高德SDK",
            "科大讯飞SDK",
            "和飞信SDK",
            "和彩云sdk"
        ]
    );
    assert!(
        p.sdks[2]
            .permissions
            .iter()
            .any(|x| x.ends_with("RECORD_AUDIO"))
    );
}

/// Negative twin: a numbered list of legal cases (ca4p/0935_com_yitong_mbank_psbc.txt) is
/// no SDK list.
#[test]
fn numbered_legal_cases_are_no_sdk_list() {
    let t = "另外，根据相关法律法规及监管要求、国家标准，以下情形中，我们可能会共享、转让、公开披露用户信息无需事先征得您的授权同意：
（1）与我行履行法律法规规定的义务相关的；
（2）与国家安全、国防安全直接相关的；
（3）与公共安全、公共卫生、重大公共利益直接相关的；
";
    assert!(names(&read("psbc.txt", t)).is_empty());
}

/// ca4p/0883_com_taou_maimai.txt lines 70-74: items whose brackets enumerate the SDKs.
#[test]
fn bracketed_enumerations_in_items() {
    let t = "（2）支付宝SDK
（3）PUSH SDK(华为、小米、OPPO、VIVO、魅族、个推)
";
    let p = read("maimai.txt", t);
    let n = names(&p);
    assert!(n.contains(&"支付宝SDK".to_owned()), "{n:?}");
    for vendor in ["华为", "小米", "OPPO", "VIVO", "魅族", "个推"] {
        assert!(n.contains(&vendor.to_owned()), "{vendor} not in {n:?}");
    }
    assert!(!n.iter().any(|x| x.contains("PUSH")), "{n:?}");
}

/// ca4p/0896_com_ygkj_chelaile_standard.txt lines 108 and 110: SDKs enumerated in running
/// text (`我们会使用A、B…的SDK`, `服务商高德、百度、滴滴SDK`).
#[test]
fn prose_enumerations() {
    let t = "3、广告投放服务：我们会使用优量汇、穿山甲、百青藤、InMobi、OPPO、小米、杭州念想科技的SDK，由它们对您的设备信息进行收集。
5、地理位置服务：为给您提供位置服务，第三方地理位置服务商高德、百度、滴滴SDK会收集您的设备信息。
";
    let p = read("chelaile.txt", t);
    let ids: Vec<String> = p
        .sdks
        .iter()
        .filter(|s| s.listed)
        .filter_map(|s| s.sdk_id.clone())
        .collect();
    for id in ["tencent-gdt", "pangle"] {
        assert!(ids.iter().any(|x| x == id), "{id} not in {ids:?}");
    }
    let n = names(&p);
    for name in ["高德", "滴滴SDK"] {
        assert!(n.iter().any(|x| x == name), "{name} not in {n:?}");
    }
}

/// Negative twin: the same verbs with no SDK in their object.
#[test]
fn prose_without_sdks() {
    let t = "我们会使用加密技术、匿名化处理等合理可行的手段保护您的个人信息。我们接入了专门的安全部门和安全管理制度。";
    assert!(names(&read("prose.txt", t)).is_empty());
}

// ---------------------------------------------------------------------------------------
// Characters as published, negations
// ---------------------------------------------------------------------------------------

/// Issue 10's PDF-to-text examples (`⽀付宝` with U+2F40, `⾼德` with U+2FBC), a zero-width
/// space and `&nbsp;` in a record block of the 0541 shape: the same SDKs as ordinary text.
#[test]
fn look_alike_characters_and_invisible_spaces() {
    let plain = "接入的第三方SDK清单：\n支付宝SDK\n使用目的：支付\n官方网站：https://www.alipay.com\n高德地图SDK\n使用目的：定位\n官方网站：https://lbs.amap.com\n";
    let odd = plain
        .replace('支', "\u{2F40}")
        .replace('高', "\u{2FBC}")
        .replace("地图", "地\u{200B}图")
        .replace("SDK\n使用目的：定位", "SDK&nbsp;\n使用目的：定位");
    let a = read("plain.md", plain);
    let b = read("odd.md", &odd);
    let ids = |p: &DeclaredPolicy| listed(p).into_iter().map(|(_, id)| id).collect::<Vec<_>>();
    assert_eq!(
        ids(&a),
        [Some("alipay-sdk".into()), Some("amap-map".into())]
    );
    assert_eq!(ids(&b), ids(&a));
}

/// ca4p/0682_com_cib_xyk.txt lines 124-125: an SDK the policy says is not enabled is
/// removed, not declared; its negative twin (the same item without that sentence) is listed.
#[test]
fn removed_sdks_are_not_declared() {
    let t = "7.爱加密SDK：我行使用了爱加密SDK用于保护App的安全性，不采集个人信息，以便于更好的为您提供服务。
8.云从OCR/商汤OCR：云从OCR/商汤OCR用于识别证件号码，以便于更好的为您提供服务。此第三方SDK在当前版本APP中暂未启用，也未采集您任何的个人信息。
";
    let p = read("cib.txt", t);
    assert_eq!(names(&p), ["爱加密SDK"]);
    let removed: Vec<&str> = p.removed.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(removed, ["云从OCR", "商汤OCR"]);

    let enabled = t.replace(
        "此第三方SDK在当前版本APP中暂未启用，也未采集您任何的个人信息。",
        "",
    );
    let p = read("cib.txt", &enabled);
    assert_eq!(names(&p), ["爱加密SDK", "云从OCR", "商汤OCR"]);
    assert!(p.removed.is_empty());
}

// ---------------------------------------------------------------------------------------
// Several documents
// ---------------------------------------------------------------------------------------

/// The main policy and a separate SDK list merge; evidence names each file.
#[test]
fn several_documents_merge_with_file_evidence() {
    let main = read("privacy.md", "您可以使用微信登录。");
    let list = read("sdk-list.md", KALULI);
    let m = policy::merge(vec![main, list]);
    assert_eq!(m.source, "privacy.md + sdk-list.md");
    let jpush = m
        .sdks
        .iter()
        .find(|s| s.sdk_id.as_deref() == Some("jpush"))
        .expect("jpush listed");
    assert_eq!(
        jpush.evidence.as_ref().and_then(|e| e.file.as_deref()),
        Some("sdk-list.md")
    );
    let wechat = m
        .sdks
        .iter()
        .find(|s| s.sdk_id.as_deref() == Some("wechat-opensdk"))
        .expect("wechat mentioned");
    assert!(!wechat.listed);
    assert_eq!(
        wechat.evidence.as_ref().and_then(|e| e.file.as_deref()),
        Some("privacy.md")
    );
}

// ---------------------------------------------------------------------------------------
// Numbered items with products in brackets; quoted records; name labels
// ---------------------------------------------------------------------------------------

/// ca4p/0883_com_taou_maimai.txt lines 69-71: a lead-in ending in `包括：`, then a numbered
/// kind of SDK with its products in brackets.
const MAIMAI: &str = "（四）通过第三方SDK收集信息的情形
脉脉的部分业务服务及功能，需要使用第三方SDK来协助实现，或者由第三方SDK直接向您提供服务。这些SDK可能会在获得您同意的情况下收集您的部分信息。目前这些SDK包括：
（1）活体认证SDK(FACE++/腾讯云人脸识别)
为了落实《网络安全法》及其他相关法律法规的要求，我们可能会需要通过人脸识别来进行实人认证。
";

#[test]
fn numbered_kind_of_sdk_with_products_in_brackets() {
    let p = read("maimai.txt", MAIMAI);
    let n = names(&p);
    assert!(n.iter().any(|x| x == "FACE++"), "{n:?}");
    assert!(n.iter().any(|x| x == "腾讯云人脸识别"), "{n:?}");
    // Negative twin: brackets that explain, not enumerate products, name nothing.
    let p = read(
        "maimai-twin.txt",
        "目前这些SDK包括：\n（1）活体认证(需要您的同意)\n为了落实相关法律法规的要求。\n",
    );
    assert!(names(&p).is_empty(), "{:?}", names(&p));
}

/// daomengkongjian_privacy.md lines 82-83: `“名称”：由“公司”提供` records.
const DAOMENG: &str = "1.2.6 “OPPO Push”：由“广东欢太科技有限公司”提供，用于app在OPPO设备上，通过系统级通道接收推送消息。
android版本：设备信息（手机号码、IMEI号、Android ID、OAID、MAC地址）

1.2.10 “七牛”：由“上海七牛信息技术有限公司”提供，用于到梦空间APP android版本用户静态文件资源的上传、储存、下载使用。
";

#[test]
fn quoted_name_provided_by_a_company_is_a_record() {
    let p = read("daomeng.md", DAOMENG);
    let n = names(&p);
    assert!(n.iter().any(|x| x == "OPPO Push"), "{n:?}");
    assert!(n.iter().any(|x| x == "七牛"), "{n:?}");
    // Negative twin: a quoted term without `由…提供` is no record.
    let p = read(
        "daomeng-twin.md",
        "1.2.6 “个人信息”：指以电子方式记录的各种信息。\n1.2.7 “七牛”是一个比喻。\n",
    );
    assert!(names(&p).is_empty(), "{:?}", names(&p));
}

/// ca4p/0768_com_linecorp_foodcamcn_android.txt line 66: a name label after a link names an
/// SDK the catalogue does not know.
const FOODCAM: &str =
    "第三方SDK名称：讯飞 公司名称：科大讯飞股份有限公司 使用目的：实现语音转化文字功能
官网链接：<https://www.xfyun.cn/doc/policy/privacy.html> 第三方SDK名称：爱听卓乐
公司名称：深圳市爱听卓乐文化科技有限公司 使用目的：实现音乐播放功能
";

#[test]
fn name_label_value_needs_no_alias() {
    let p = read("foodcam.txt", FOODCAM);
    let n = names(&p);
    assert!(n.iter().any(|x| x == "爱听卓乐"), "{n:?}");
    // Negative twin: the label's value is a sentence, not a name.
    let p = read(
        "foodcam-twin.txt",
        "第三方SDK名称：请您在使用前仔细阅读各方的隐私政策，以了解其处理方式\n",
    );
    assert!(names(&p).is_empty(), "{:?}", names(&p));
}

/// ca4p/0497_cn_qiutinghe_voicechanger.txt lines 107-114: a table flattened with its cells
/// glued together: the header words run into one line and each row is one line ending in
/// its link, the next row's name sometimes glued after that link.
const GLUED: &str = "第三方服务：
第三方服务提供方名称收集的信息与目的隐私政策
百度移动统计百度用于统计详细崩溃日志以及行为分析https://www.baidu.com/duty/yinsiquan-policy.htmlFireBase统计
数据漫游者统计今日头条用于统计详细崩溃日志以及行为分析https://datarangers.com.cn/help/doc?lid=1584&did=10959
优量汇腾讯展示第三方广告https://www.tencent.com/zh-cn/privacy-policy.html
穿山甲今日头条展示第三方广告https://partner.oceanengine.com/privacyvivo
极光IM极光为了可以更快的与用户沟通https://www.jiguang.cn/license/privacy
4.保障产品、服务及用户使用安全
";

#[test]
fn glued_table_cells_split_at_known_names_and_links() {
    let p = read("0497.txt", GLUED);
    let ids: Vec<Option<String>> = listed(&p).into_iter().map(|(_, id)| id).collect();
    for id in [
        "baidu-mobstat",
        "bytedance-applog",
        "tencent-gdt",
        "pangle",
        "jmessage",
    ] {
        assert!(ids.contains(&Some(id.to_owned())), "{id}: {:?}", listed(&p));
    }
    assert!(
        names(&p)
            .iter()
            .any(|n| n.to_lowercase().starts_with("firebase")),
        "{:?}",
        names(&p)
    );
    // Negative twin: the same header, then prose lines with one link, not rows.
    let twin = "第三方服务提供方名称收集的信息与目的隐私政策
我们会在百度移动统计平台查看崩溃日志，详见https://www.baidu.com/duty/yinsiquan-policy.html
如有疑问请联系我们。
";
    let p = read("twin.txt", twin);
    assert!(names(&p).is_empty(), "{:?}", names(&p));
}

/// ca4p/0560_com_comic_manhuatai.txt line 151, lines 171-174 and 181-191: a list of bare name lines,
/// each followed by its link or by a note (`注：…`) and no colon.
const LINKED_NAMES: &str = "### 九、第三方SDK信息公示
小米推送
https://static.account.xiaomi.com/html/privacy/account/zh_CN.html
华为推送
https://consumer.huawei.com/cn/privacy/privacy-policy/
腾讯Bugly崩溃分析
https://www.qq.com/contract.shtml
Zxing二维码生成
注：未开启您的任何权限，也不会收集您的个人信息
友盟统计分析组件SDK
https://www.umeng.com/policy
View视图注解工具
注：未开启您的任何权限，也不会收集您的个人信息
今日头条穿山甲广告SDK
https://ad.oceanengine.com/union/media/privacy
";

#[test]
fn bare_name_lines_followed_by_a_link_or_a_note() {
    let p = read("0560.txt", LINKED_NAMES);
    let got = names(&p);
    for want in ["Zxing二维码生成", "View视图注解工具"] {
        assert!(got.iter().any(|n| n == want), "{want}: {got:?}");
    }
    // Negative twin: a pointer line before a link is no SDK, even inside a list.
    let twin = "### 九、第三方SDK信息公示
小米推送
https://static.account.xiaomi.com/html/privacy/account/zh_CN.html
华为推送
https://consumer.huawei.com/cn/privacy/privacy-policy/
详见以下说明
https://www.example.com/sdk
";
    let p = read("twin.txt", twin);
    assert!(
        !names(&p).iter().any(|n| n.contains("详见")),
        "{:?}",
        names(&p)
    );
}


    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's049808b2a157f544': `此处无法显示预警：预警文件过大，本通知栏无法读取。请以广播、短信等官方渠道发布的信息为准。`,
's15cfe1cd3aef83c1': str`显示 ${0} 条新通知`,
's18025e5b903d7cdd': str`此订阅源共有 ${0} 条通知，这里列出前 ${1} 条。`,
's1bedc3904980ac70': `搜索通知`,
's2b4a9dc690ff71dc': str`找到 ${0} 条通知`,
's2cc7cd11d9b856cd': `分类`,
's34be76c6b1eadbef': `预警`,
's409c8bc9c5e97030': `无法显示通知：订阅源过大，本通知栏无法读取。`,
's44851a8adf059eef': `置顶`,
's4f59edc23532b5a8': `未读：`,
's5011e4f3f2b474ec': `预警已关闭，本设备上不会再显示。`,
's576d4967e1ff7986': str`${0} 字节`,
's592e7303020349a1': `附件`,
's646295f76286ceb0': `正在加载通知…`,
's708fee3e5ab89bc4': str`（另有 ${0} 处）`,
's71f4a89a7cd714ee': `影响区域：`,
's77abbf21df308b74': `显示更多通知`,
's7b10ae633d4650d9': `严重预警`,
's7c6eac7da4cc4bbe': str`在单独页面阅读《${0}》`,
's7c74cdc43d49fca6': `有 1 条新通知`,
's80ed10f16367bd47': `查看预警详情`,
's8a51c7b9633e0cdf': `暂时无法获取预警信息，请以广播、短信等官方渠道发布的信息为准。`,
's9ac33c902146b2fe': `特别严重`,
's9badbdd99de3b445': `目前没有通知。`,
's9e3f4dc522573c05': `防御指引：`,
'sa3288f0c45fa84ce': `提示`,
'sa5c6cbca2201cabe': `通知暂时无法加载，请检查网络后稍后再试。`,
'sa65eb07676e59e01': `关闭此提示`,
'sacf3d660fe7d5949': `（无标题通知）`,
'sb985dcd643807c52': str`有 ${0} 条新通知`,
'scbd8842a2d9cdc8c': `通知暂时无法在此显示。如有急事，请拨打 12345 市民服务热线。`,
'scfd86c54f43bc5b5': `分类：`,
'sd3a298f15b810764': `找到 1 条通知`,
'sda9b5f519c69e188': `没有符合条件的通知。`,
'sdb4227b006f4bd33': `显示 1 条新通知`,
'sddfc86d2b1251528': `附件`,
'se32ddb0a9cd4181d': str`显示第 1–${0} 条，共 ${1} 条`,
'se57534dbd1511aa6': `无法显示通知：订阅源的格式无法识别。`,
'sfe255b8825ebcad9': str`有效期至 ${0}`,
    };
  

    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's049808b2a157f544': `此處無法顯示預警：預警檔案過大，本通知欄無法讀取。請以廣播、簡訊等官方管道發布的資訊為準。`,
's15cfe1cd3aef83c1': str`顯示 ${0} 則新通知`,
's18025e5b903d7cdd': str`此訂閱來源共有 ${0} 則通知，這裡列出前 ${1} 則。`,
's1bedc3904980ac70': `搜尋通知`,
's2b4a9dc690ff71dc': str`找到 ${0} 則通知`,
's2cc7cd11d9b856cd': `分類`,
's34be76c6b1eadbef': `預警`,
's409c8bc9c5e97030': `無法顯示通知：訂閱來源過大，本通知欄無法讀取。`,
's44851a8adf059eef': `置頂`,
's4f59edc23532b5a8': `未讀：`,
's5011e4f3f2b474ec': `預警已關閉，本裝置上不會再顯示。`,
's576d4967e1ff7986': str`${0} 位元組`,
's592e7303020349a1': `附件`,
's646295f76286ceb0': `正在載入通知…`,
's708fee3e5ab89bc4': str`（另有 ${0} 處）`,
's71f4a89a7cd714ee': `影響區域：`,
's77abbf21df308b74': `顯示更多通知`,
's7b10ae633d4650d9': `嚴重預警`,
's7c6eac7da4cc4bbe': str`在獨立頁面閱讀《${0}》`,
's7c74cdc43d49fca6': `有 1 則新通知`,
's80ed10f16367bd47': `查看預警詳情`,
's8a51c7b9633e0cdf': `暫時無法取得預警資訊，請以廣播、簡訊等官方管道發布的資訊為準。`,
's9ac33c902146b2fe': `特別嚴重`,
's9badbdd99de3b445': `目前沒有通知。`,
's9e3f4dc522573c05': `防禦指引：`,
'sa3288f0c45fa84ce': `提示`,
'sa5c6cbca2201cabe': `通知暫時無法載入，請檢查網路後稍後再試。`,
'sa65eb07676e59e01': `關閉此提示`,
'sacf3d660fe7d5949': `（無標題通知）`,
'sb985dcd643807c52': str`有 ${0} 則新通知`,
'scbd8842a2d9cdc8c': `通知暫時無法在此顯示。如有急事，請撥打 12345 市民服務熱線。`,
'scfd86c54f43bc5b5': `分類：`,
'sd3a298f15b810764': `找到 1 則通知`,
'sda9b5f519c69e188': `沒有符合條件的通知。`,
'sdb4227b006f4bd33': `顯示 1 則新通知`,
'sddfc86d2b1251528': `附件`,
'se32ddb0a9cd4181d': str`顯示第 1–${0} 則，共 ${1} 則`,
'se57534dbd1511aa6': `無法顯示通知：訂閱來源的格式無法識別。`,
'sfe255b8825ebcad9': str`有效期至 ${0}`,
    };
  
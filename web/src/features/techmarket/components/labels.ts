export const DOMAINS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '其他'] as const;
export const KIND_NAMES = { supply: '成果', demand: '需求' } as const;
export const PRICE_MODE_NAMES = { fixed: '一口价', negotiable: '面议', auction: '拍卖' } as const;
export const STATUS_NAMES = { pending: '待审核', approved: '已公开', rejected: '已退回', withdrawn: '已撤回' } as const;
export const REGISTRATION_STATUS_NAMES = { none: '未申请', submitted: '待登记', returned: '已退回', registered: '已登记' } as const;
export const CONTRACT_TYPES = [
  ['development_commissioned', '技术开发（委托）'],
  ['development_cooperative', '技术开发（合作）'],
  ['transfer_patent', '技术转让（专利权）'],
  ['transfer_patent_application', '技术转让（专利申请权）'],
  ['transfer_know_how', '技术转让（技术秘密）'],
  ['transfer_other', '技术转让（其他）'],
  ['licence_patent', '技术许可（专利实施许可）'],
  ['licence_know_how', '技术许可（技术秘密使用许可）'],
  ['consulting', '技术咨询'],
  ['service', '技术服务'],
] as const;

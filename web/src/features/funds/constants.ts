/** The same lists the API validates against (funds.schema.ts). */
export const ROUNDS = ['种子轮', '天使轮', 'A轮', 'B轮', 'C轮及以后', 'Pre-IPO'] as const;
export const EXIT_METHODS = ['IPO', '并购', '股权转让', '回购', '清算'] as const;
export const INDUSTRIES = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '其他'] as const;
export const PROGRAMME_NAMES = { guidance: '创投引导基金', angel: '蒲公英天使投资引导基金' } as const;

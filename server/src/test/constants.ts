export const TEST_PASSWORD = 'Test@Pass2026';
export const TEST_PII_KEY = '00112233445566778899aabbccddeeff';

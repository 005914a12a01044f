import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, fieldError } from './errors.js';
import { registerErrorHandler } from './error-handler.js';
import { preferredLang, registerLanguage, Translator } from './language.js';

const names = { 待区县审核: 'Awaiting district review', 西湖区: 'Xihu District', 提交申请: 'Submit', 该年度报表已提交: 'This year’s report has been submitted' };

describe('preferredLang', () => {
  it('is English only when English is the first choice', () => {
    expect(preferredLang('en')).toBe('en');
    expect(preferredLang('EN-us')).toBe('en');
    expect(preferredLang('en-GB,en;q=0.9')).toBe('en');
    expect(preferredLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(preferredLang('zh;q=0.5, en;q=0.8')).toBe('en');
    expect(preferredLang('english')).toBe('zh');
    expect(preferredLang(undefined)).toBe('zh');
    expect(preferredLang('')).toBe('zh');
  });
});

describe('Translator', () => {
  const english = new Translator(names);

  it('translates names under name-like keys only, and leaves the original untouched', () => {
    const row = { title: '待区县审核', statusName: '待区县审核', districtName: '西湖区', name: '西湖区', label: '西湖区', enterpriseName: '杭州某某科技有限公司', n: 3, at: new Date(0) };
    const body = { items: [row], next: null, actions: [{ action: 'submit', name: '提交申请' }] };
    const out = english.payload(body) as { items: (typeof row)[]; actions: unknown[] };
    // a record's own name or label is what its edit form sends back: never translated
    expect(out.items[0]).toEqual({ ...row, statusName: 'Awaiting district review', districtName: 'Xihu District' });
    expect(out.actions).toEqual([{ action: 'submit', name: 'Submit' }]);
    expect(out.items[0].title).toBe('待区县审核');
    expect(row.statusName).toBe('待区县审核');
    expect(body.items[0]).toBe(row);
  });

  it('returns the same object when nothing is translated', () => {
    const body = { items: [{ statusName: '不在目录中', id: 1 }] };
    expect(english.payload(body)).toBe(body);
  });

  it('gives an error its English: the catalogue, then the validation templates, then the code', () => {
    const out = english.payload({ error: { code: 'conflict', message: '该年度报表已提交', details: { fields: [{ field: 'year', message: '至少2个字符' }, { field: 'name', message: '取值应为：a、b' }] } } });
    expect(out).toEqual({ error: { code: 'conflict', message: 'This year’s report has been submitted', details: { fields: [{ field: 'year', message: 'At least 2 characters' }, { field: 'name', message: 'Must be one of: a, b' }] } } });
    const fields = (english.payload({ error: { code: 'validation_failed', message: 'x', details: { fields: ['企业名称至少2个字', '请填写退出日期', '金额最多两位小数', '行业应为：西湖区、其他', '统一社会信用代码校验位错误，请核对', '高新技术产品（服务）收入不能大于营业收入'].map((message) => ({ field: 'f', message })) } } }) as { error: { details: { fields: { message: string }[] } } }).error.details.fields;
    expect(fields.map((f) => f.message)).toEqual(['At least 2 characters', 'Required', 'At most two decimal places', 'Must be one of: Xihu District, 其他', 'Wrong check digit', 'Invalid value']);
    const generic = english.payload({ error: { code: 'version_conflict', message: '该企业信息已被他人修改，请刷新后重试', details: null } }) as { error: { message: string } };
    expect(generic.error.message).toBe('Someone else changed this record; refresh and try again');
  });
});

describe('registerLanguage', () => {
  async function app() {
    const fastify = Fastify();
    registerErrorHandler(fastify);
    registerLanguage(fastify, names);
    fastify.get('/api/case', async () => ({ id: 1, statusName: '待区县审核', actions: [{ action: 'submit', name: '提交申请' }] }));
    fastify.get('/api/refused', async () => {
      throw new AppError('invalid_state', '申请当前状态为“待区县审核”，不能修改');
    });
    fastify.get('/api/field', async () => {
      throw fieldError('name', '必填项');
    });
    await fastify.ready();
    return fastify;
  }

  it('answers Chinese by default and English when asked, and says the answer varies by language', async () => {
    const fastify = await app();
    const zh = await fastify.inject({ url: '/api/case' });
    expect(zh.json()).toEqual({ id: 1, statusName: '待区县审核', actions: [{ action: 'submit', name: '提交申请' }] });
    expect(zh.headers.vary).toContain('Accept-Language');
    const en = await fastify.inject({ url: '/api/case', headers: { 'accept-language': 'en' } });
    expect(en.json()).toEqual({ id: 1, statusName: 'Awaiting district review', actions: [{ action: 'submit', name: 'Submit' }] });
  });

  it('translates errors, the unknown route included', async () => {
    const fastify = await app();
    const refused = await fastify.inject({ url: '/api/refused', headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('This action is not possible in the record’s current status');
    const field = await fastify.inject({ url: '/api/field', headers: { 'accept-language': 'en-US' } });
    expect(field.json().error.details.fields).toEqual([{ field: 'name', message: 'Required' }]);
    const missing = await fastify.inject({ url: '/api/nowhere', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('The record does not exist or you may not see it');
    const zh = await fastify.inject({ url: '/api/field' });
    expect(zh.json().error.details.fields).toEqual([{ field: 'name', message: '必填项' }]);
  });
});

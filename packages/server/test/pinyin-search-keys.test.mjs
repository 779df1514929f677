// The pinyin search keys the server computes for the service locator (pinyin-pro with a reviewed list of place names).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pinyinKeys, placeNameReadings, searchKeys } from '../dist/service-points/search-keys.js';

describe('pinyin search keys', () => {
  test('full pinyin and initials, lower case, no tones or spaces', () => {
    assert.deepEqual(pinyinKeys('徐家汇街道'), ['xujiahuijiedao', 'xjhjd']);
    assert.deepEqual(pinyinKeys('示范区漕溪北路331号'), ['shifanqucaoxibeilu331hao', 'sfqcxbl331h']);
  });

  test('reads Shanghai place names as they are romanised, not as the dictionary guesses', () => {
    assert.deepEqual(pinyinKeys('闵行区'), ['minhangqu', 'mhq']);
    assert.deepEqual(pinyinKeys('长宁区'), ['changningqu', 'cnq']);
    assert.deepEqual(pinyinKeys('莘庄镇'), ['xinzhuangzhen', 'xzz']);
    assert.deepEqual(pinyinKeys('重固镇'), ['chongguzhen', 'cgz']);
    assert.deepEqual(pinyinKeys('长桥街道'), ['changqiaojiedao', 'cqjd']);
    assert.deepEqual(pinyinKeys('天钥桥路'), ['tianyaoqiaolu', 'tyql']);
    assert.deepEqual(pinyinKeys('社区长者食堂'), ['shequzhangzheshitang', 'sqzzst']);
    // The override touches only the place name: 行 elsewhere keeps its reading.
    assert.deepEqual(pinyinKeys('行政服务中心'), ['xingzhengfuwuzhongxin', 'xzfwzx']);
    assert.ok(Object.keys(placeNameReadings).includes('闵行'));
  });

  test('gives no keys for text without Chinese, and merges the keys of several texts', () => {
    assert.deepEqual(pinyinKeys('Community Centre'), []);
    assert.deepEqual(pinyinKeys(undefined), []);
    assert.deepEqual(searchKeys(['徐家汇', undefined, '徐家汇']), ['xujiahui', 'xjh']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTexts, resourcesIn, serializeTexts, textsIn, topicLinesIn, zipTopicLabels } from '../../src/domain/initiative-texts.js';

// Issue 19: what coordinators write in other languages is shown to each person in theirs where written,
// else the initiative's own text; what is stored is read defensively.

const initiative = {
  resources: 'Samaritans: 116 123',
  guidelines: 'Listen without judging.',
  texts: serializeTexts({ de: { resources: 'Telefonseelsorge: 0800 111 0 111', topics: { Anxiety: 'Angst' } }, es: { guidelines: 'Escucha sin juzgar.' } }),
};

describe('texts in other languages', () => {
  it('gives each language its own text where written, else the text as written first', () => {
    expect(textsIn(initiative, 'de')).toMatchObject({ resources: 'Telefonseelsorge: 0800 111 0 111', guidelines: 'Listen without judging.' });
    expect(textsIn(initiative, 'es')).toMatchObject({ resources: 'Samaritans: 116 123', guidelines: 'Escucha sin juzgar.' });
    expect(resourcesIn(initiative, 'en')).toBe('Samaritans: 116 123');
    expect(textsIn(initiative, 'de').topicLabel('Anxiety')).toBe('Angst');
    expect(textsIn(initiative, 'de').topicLabel('Grief')).toBe('Grief');
    expect(textsIn(initiative, 'es').topicLabel('Anxiety')).toBe('Anxiety');
  });

  it('reads nothing it does not understand: broken JSON, other languages, empty or non-text values', () => {
    expect(parseTexts('not json')).toEqual({});
    expect(parseTexts(null)).toEqual({});
    expect(parseTexts('[1,2]')).toEqual({});
    expect(parseTexts(JSON.stringify({ fr: { resources: 'SOS Amitié: 09 72 39 40 50' } }))).toEqual({});
    expect(parseTexts(JSON.stringify({ de: { resources: '  ', guidelines: 42, topics: { Anxiety: '', Grief: 'Trauer' } } }))).toEqual({ de: { topics: { Grief: 'Trauer' } } });
    expect(serializeTexts({ de: {}, es: { resources: '' } })).toBe('{}');
  });

  it('pairs typed topic lines with the topics in order, and refuses a different number of lines', () => {
    expect(zipTopicLabels(['Anxiety', 'Grief'], 'Angst\n\n Trauer ')).toEqual({ Anxiety: 'Angst', Grief: 'Trauer' });
    expect(zipTopicLabels(['Anxiety', 'Grief'], '')).toEqual({});
    expect(zipTopicLabels(['Anxiety', 'Grief'], 'Angst')).toBeNull();
    expect(topicLinesIn(['Anxiety', 'Grief'], { topics: { Anxiety: 'Angst' } })).toBe('Angst\nGrief');
    expect(topicLinesIn(['Anxiety'], undefined)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { findPlaceholder, INTERNATIONAL_LINES, parseResources, resourcesProblem } from '../../src/domain/resources.js';
import { APP_LANGUAGES } from '../../src/domain/app-language.js';
import { english, translate } from '../../src/i18n/translate.js';

const DEFAULT_RESOURCES = english('setup.default.resources');

describe('resources a person in distress is shown first', () => {
  it.each([
    ['Employee assistance line: 0800 123 4567 (24 hours)', { name: 'Employee assistance line', phone: '0800 123 4567', link: null, hours: '24 hours' }],
    ['• Samaritans: 116 123', { name: 'Samaritans', phone: '116 123', link: null, hours: null }],
    ['988 Suicide and Crisis Lifeline (US): 988 (24 hours, every day)', { name: '', phone: '988', link: null, hours: '24 hours, every day' }],
    ['Mind: https://www.mind.org.uk', { name: 'Mind', phone: null, link: 'https://www.mind.org.uk', hours: null }],
    ['Call the EAP line on +44 (0)800 111 222.', { name: 'Call the EAP line on', phone: '+44 (0)800 111 222', link: null, hours: null }],
  ])('reads %j as a way to reach someone', (line, expected) => {
    const [entry] = parseResources(line);
    expect(entry).toMatchObject({ phone: expected.phone, link: expected.link, hours: expected.hours });
    if (expected.name) expect(entry!.name).toBe(expected.name);
  });

  it.each(['In an emergency, call your local emergency number.', 'Your GP or doctor can help.', 'Open 24/7', ''])('does not count %j as a contact', (line) => {
    expect(parseResources(line)).toEqual([]);
  });

  it.each([
    ['Employee assistance line: <your EAP phone number>', '<your EAP phone number>'],
    ['Crisis line: add your country\'s number here', 'add your country\'s number here'],
    ['Samaritans: 116 123', null],
    ['Our page: <https://example.org|Support> or ask <@U0SOMEONE> <!channel>', null],
  ])('finds template text left in %j', (text, placeholder) => {
    expect(findPlaceholder(text)).toBe(placeholder);
  });

  it('refuses the template as shipped, a list with no number or link, and accepts real lines', () => {
    expect(resourcesProblem(DEFAULT_RESOURCES)).toBe('placeholder');
    expect(resourcesProblem('Talk to your manager.\nLook after yourself.')).toBe('no-contact');
    expect(resourcesProblem(DEFAULT_RESOURCES.replace('<your EAP phone number> (<its hours>)', '0800 123 4567 (weekdays 8-20)'))).toBeNull();
  });

  it('offers widely known lines, in every language, that each count as a contact and fit a Block Kit option', () => {
    for (const { line } of INTERNATIONAL_LINES) {
      for (const language of APP_LANGUAGES) {
        expect(parseResources(line[language]), line[language]).toHaveLength(1);
        expect(line[language].length, line[language]).toBeLessThanOrEqual(75);
      }
    }
  });

  it('ships a template in every language that is refused until its placeholders are replaced', () => {
    for (const language of APP_LANGUAGES) expect(resourcesProblem(translate(language, 'setup.default.resources')), language).toBe('placeholder');
  });
});

describe('resources shown as link buttons', () => {
  it('turns each line with a web link into a button that opens it, at most five, and none without links', async () => {
    const { renderHelpNowModal, renderRequestModal } = await import('../../src/features/requests/views.js');
    const { RequestIds } = await import('../../src/features/requests/ids.js');
    const { validateView } = await import('../../src/slack/block-kit.js');
    const lines = Array.from({ length: 7 }, (_, i) => `Service ${i}: https://example.org/${i}`).join('\n');
    const help = renderHelpNowModal(english, `Samaritans: 116 123\n${lines}`);
    const buttons = JSON.stringify(help.blocks).match(/request\.resource_link_\d/g) ?? [];
    expect(buttons).toEqual([...RequestIds.resourceLinks]);
    expect(JSON.stringify(help.blocks)).toContain('"url":"https://example.org/0"');
    expect(validateView(help)).toEqual([]);
    expect(JSON.stringify(renderHelpNowModal(english, 'Samaritans: 116 123').blocks)).not.toContain('resource_link');
    const request = renderRequestModal('en', {
      id: 'i', workspaceId: 'T', name: 'n', description: 'd', resources: 'Mind: https://www.mind.org.uk', guidelines: 'g',
      approvalRequired: false, minGroupSize: 5, retentionDays: 90, firstCheckInDays: 7, checkInEveryDays: 14,
      topics: [{ id: 't', label: 'Anxiety' }],
    });
    expect(JSON.stringify(request.blocks)).toContain('"url":"https://www.mind.org.uk"');
    expect(validateView(request)).toEqual([]);
  });
});

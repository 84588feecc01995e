import type { KnownBlock, ModalView } from '@slack/types';
import { english, type Translate } from '../../i18n/translate.js';
import { context, modal, section } from '../common/blocks.js';
import * as copy from './copy.js';
import { MyDataIds } from './ids.js';
import type { MyData } from './service.js';

// In the person's language, `t` (issue 19).

export function renderMyData(data: MyData, t: Translate = english) {
  const text = copy.myDataSummary(data, t);
  return { text, blocks: [section(text), context(t('myData.onlyYou'))] as KnownBlock[] };
}

export function renderConfirmDelete(soleCoordinatorOf: string[], t: Translate = english): ModalView {
  const blocks = [section(t('myData.confirm.text'))];
  if (soleCoordinatorOf.length > 0) blocks.push(section(copy.soleCoordinatorWarning(soleCoordinatorOf, t)));
  return modal({ callbackId: MyDataIds.confirmModal, title: t('myData.confirm.title'), submit: t('myData.confirm.submit'), close: t('myData.confirm.close'), blocks });
}

export function renderErased(t: Translate = english) {
  const text = t('myData.erased');
  return { text, blocks: [section(text)] as KnownBlock[] };
}

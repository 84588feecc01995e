import type { KnownBlock, ModalView } from '@slack/types';
import { context, modal, section } from '../common/blocks.js';
import * as copy from './copy.js';
import { MyDataIds } from './ids.js';
import type { MyData } from './service.js';

export function renderMyData(data: MyData) {
  const text = copy.myDataSummary(data);
  return { text, blocks: [section(text), context('Only you can see this conversation with the app.')] as KnownBlock[] };
}

export function renderConfirmDelete(soleCoordinatorOf: string[]): ModalView {
  const blocks = [section(copy.CONFIRM_TEXT)];
  if (soleCoordinatorOf.length > 0) blocks.push(section(copy.soleCoordinatorWarning(soleCoordinatorOf)));
  return modal({ callbackId: MyDataIds.confirmModal, title: copy.CONFIRM_TITLE, submit: 'Erase everything', close: 'Keep my data', blocks });
}

export function renderErased() {
  return { text: copy.ERASED, blocks: [section(copy.ERASED)] as KnownBlock[] };
}

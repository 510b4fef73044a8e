import { answer, callMethod, cloudCalls, mount, ok, textOf } from '../harness';
import { aFile, exportsSeen, settle, stubDocuments, tapExport } from './exports-fixtures';
import { aMe } from './households-fixtures';

/** "导出 Excel" on the last-mile tracker: the contact list with phone numbers, admins only. */
stubDocuments();

describe('the contact list on the last-mile tracker', () => {
  function answerTracker(roles: Array<'organizer' | 'admin'>): void {
    answer('households', 'listBindingRequests', ok({ requests: [] }));
    answer('households', 'importHistory', ok({ imports: [] }));
    answer(
      'cockpit',
      'lastMile',
      ok({ work: { kind: 'money' }, rows: [], nextAfter: null, remaining: 0 }),
    );
    answer('households', 'me', ok(aMe({ roles })));
  }

  it('is offered to admins, whose list carries phone numbers', async () => {
    answerTracker(['organizer', 'admin']);
    answer('exports', 'contacts', ok(aFile({ fileName: '业主联系名单-20261207-1130.xlsx' })));
    const page = mount('pages/organizer/index');
    await callMethod(page, 'onLoad');
    await settle();
    expect(textOf(page.querySelector('.export-contacts'))).toBe(
      '导出 Excel：业主联系名单（含电话）',
    );
    tapExport(page, '.export-contacts');
    await settle();
    expect(cloudCalls().at(-1)?.data).toEqual({ action: 'contacts' });
    expect(exportsSeen.opened).toHaveLength(1);
  });

  it('is not offered to organizers who are not admins', async () => {
    answerTracker(['organizer']);
    const page = mount('pages/organizer/index');
    await callMethod(page, 'onLoad');
    await settle();
    expect(page.querySelector('.work-line')).toBeDefined();
    expect(page.querySelector('.export-contacts')).toBeUndefined();
  });
});

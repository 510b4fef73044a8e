import { userMessageOf } from '../../services/cloud';
import { type ExportKind, exportWorkbook, openWorkbook } from '../../services/exports';

/**
 * "导出 Excel" on the organizers' pages: asks the exports function for the workbook, downloads it
 * and opens it. One tap, one file; a second tap while it works does nothing. The page decides who
 * sees the button; the function decides who gets the file.
 */
Component({
  properties: {
    /** decision | ledger | contacts */
    kind: { type: String, value: 'ledger' },
    decisionId: { type: String, value: '' },
    label: { type: String, value: '导出 Excel' },
  },
  data: {
    busy: false,
    error: '',
    done: '',
  },
  methods: {
    async onTap(): Promise<void> {
      if (this.data.busy) return;
      const kind = toKind(this.data.kind);
      if (!kind) return;
      this.setData({ busy: true, error: '', done: '' });
      try {
        const file = await exportWorkbook(kind, this.data.decisionId);
        await openWorkbook(file);
        this.setData({ busy: false, done: `已生成 ${file.fileName}，共 ${file.rows} 户` });
      } catch (error) {
        this.setData({ busy: false, error: userMessageOf(error) });
      }
    },
  },
});

function toKind(value: string): ExportKind | null {
  return value === 'decision' || value === 'ledger' || value === 'contacts' ? value : null;
}

import {
  CRITERIA_FILE_BYTES,
  type CriteriaImportReport,
  type CriteriaSetContent,
  type CriteriaVersionView,
  type CriterionContent,
} from '@ocop/contracts/evaluation';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import { multipart } from '../../../test-support/file-fixtures';
import { givenProducer } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

const REGIME = encodeURIComponent('26/2026');
const TEA = '1.5.1';

type Problem = { code: string; detail: string; details?: Record<string, unknown> };

/** A copy of the set with one criterion (found by code, at any depth) changed. */
function changeCriterion(
  set: CriteriaSetContent,
  code: string,
  change: (criterion: CriterionContent) => CriterionContent,
): CriteriaSetContent {
  const walk = (criteria: CriterionContent[]): CriterionContent[] =>
    criteria.map((criterion) => (criterion.code === code ? change(criterion) : { ...criterion, children: walk(criterion.children) }));
  return { ...set, parts: set.parts.map((part) => ({ ...part, criteria: walk(part.criteria) })) };
}

describe('the secretariat’s tools on score sheets', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client;
  let communeOfficer: Client;
  let tea: CriteriaVersionView;
  let otherSetCode: string;

  const versionsOfTea = async () =>
    queryRows<{ id: string; version: number; status: string; source: string; revision: number }>(
      t.database.db,
      sql`select id, version, status, source, revision from criteria_versions where regime_code = '26/2026' and product_set_code = ${TEA} order by version`,
    );
  const importFile = (client: Client, dryRun: boolean, file: { filename: string; bytes: Buffer }, setCode = TEA) => {
    const form = multipart({ file });
    return client.post(`/api/evaluation/regimes/${REGIME}/sets/${setCode}/import?dryRun=${dryRun}`, form.body, form.headers);
  };
  const exported = async (id: string, kind: 'xlsx' | 'json') => {
    const response = await officer.get(`/api/evaluation/criteria-versions/${id}/export.${kind}`);
    expect(response.statusCode).toBe(200);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    member = await t.as({ role: 'producer_member', producerId: producer.id });
    communeOfficer = await t.as({ role: 'commune_officer' });
    const sets = (await officer.get(`/api/evaluation/regimes/${REGIME}/sets`)).json() as {
      items: { id: string; productSetCode: string }[];
    };
    const summary = sets.items.find((item) => item.productSetCode === TEA);
    tea = (await officer.get(`/api/evaluation/criteria-versions/${summary?.id}`)).json();
    otherSetCode = sets.items.find((item) => item.productSetCode !== TEA)?.productSetCode ?? '';
  });
  afterAll(() => t.close());

  it('lets only the secretariat (province staff) draft, publish, export and import', async () => {
    const form = multipart({ file: { filename: 'a.json', bytes: Buffer.from('{}') } });
    for (const client of [member, communeOfficer]) {
      const answers = await Promise.all([
        client.post(`/api/evaluation/criteria-versions/${tea.id}/drafts`),
        client.put(`/api/evaluation/criteria-versions/${tea.id}`, { content: tea.content, revision: 1 }),
        client.post(`/api/evaluation/criteria-versions/${tea.id}/publish`, { revision: 1 }),
        client.delete(`/api/evaluation/criteria-versions/${tea.id}`),
        client.get(`/api/evaluation/criteria-versions/${tea.id}/export.xlsx`),
        client.get(`/api/evaluation/criteria-versions/${tea.id}/export.json`),
        client.post(`/api/evaluation/regimes/${REGIME}/sets/${TEA}/import?dryRun=true`, form.body, form.headers),
      ]);
      expect(answers.map((answer) => answer.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    }
    expect(await versionsOfTea()).toHaveLength(1);
  });

  it('drafts, edits with running maxima, refuses bad structure, publishes and supersedes', async () => {
    const started = await officer.post(`/api/evaluation/criteria-versions/${tea.id}/drafts`);
    expect(started.statusCode).toBe(201);
    const draft = started.json() as CriteriaVersionView;
    expect(draft).toMatchObject({ version: 2, status: 'draft', source: 'secretariat', revision: 1, issues: [] });
    expect(draft.content).toEqual(tea.content);

    for (const from of [tea.id, draft.id]) {
      const again = await officer.post(`/api/evaluation/criteria-versions/${from}/drafts`);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'criteria.draft_exists', details: { draftId: draft.id } });
      expect(again.json().detail).toBe('Bộ tiêu chí này đã có một bản nháp (phiên bản 2); hãy sửa hoặc xoá bản nháp đó trước.');
    }

    // Reorder part B's criteria, rename one, and raise an option so part B no longer adds up: kept, shown as issues.
    const partB = draft.content.parts[1] as CriteriaSetContent['parts'][number];
    const [firstB, ...restB] = partB.criteria as [CriterionContent, ...CriterionContent[]];
    const leafOfB = firstB.children[0] ?? firstB;
    let content: CriteriaSetContent = {
      ...draft.content,
      parts: draft.content.parts.map((part) => (part.code === 'B' ? { ...part, criteria: [...restB, firstB] } : part)),
    };
    content = changeCriterion(content, leafOfB.code, (criterion) => ({ ...criterion, label: 'Tên mới của tiêu chí' }));
    const saved = await officer.put(`/api/evaluation/criteria-versions/${draft.id}`, { content, revision: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2, issues: [] });
    expect(saved.json().content.parts[1].criteria.at(-1).code).toBe(firstB.code);

    const off = changeCriterion(content, firstB.code, (criterion) => ({ ...criterion, maxPoints: criterion.maxPoints + 1 }));
    const uneven = (
      await officer.put(`/api/evaluation/criteria-versions/${draft.id}`, { content: off, revision: 2 })
    ).json() as CriteriaVersionView;
    expect(uneven.revision).toBe(3);
    expect(uneven.partTotals.find((part) => part.code === 'B')).toEqual({ code: 'B', maxPoints: 25, sum: 26 });
    expect(uneven.issues.map((issue) => issue.code)).toContain('part.sum_mismatch');

    // Refused outright, each with its Vietnamese message, and nothing changes.
    const otherCode = (content.parts[0] as CriteriaSetContent['parts'][number]).criteria[0]?.code ?? '';
    const refusals: [unknown, number, string, string][] = [
      [
        { content: off, revision: 2 },
        409,
        'criteria.stale_revision',
        'Bản nháp vừa được lưu ở nơi khác (lần lưu 3). Hãy tải lại để xem bản mới nhất.',
      ],
      [
        { content: { ...off, productSetCode: otherSetCode }, revision: 3 },
        422,
        'criteria.content_mismatch',
        `Nội dung gửi lên thuộc quy định 26/2026, bộ sản phẩm ${otherSetCode}, không phải của phiên bản này.`,
      ],
      [
        { content: changeCriterion(off, leafOfB.code, (criterion) => ({ ...criterion, code: otherCode })), revision: 3 },
        422,
        'criteria.duplicate_code',
        `Mã tiêu chí ${otherCode} bị trùng`,
      ],
      [
        {
          content: changeCriterion(off, leafOfB.code, (criterion) => ({
            ...criterion,
            options: criterion.options.map((option, index) => (index === 0 ? { ...option, id: `${otherCode}/1` } : option)),
          })),
          revision: 3,
        },
        422,
        'criteria.option_of_other_criterion',
        `Mã phương án ${otherCode}/1 không thuộc tiêu chí ${leafOfB.code}`,
      ],
      [
        {
          content: changeCriterion(off, leafOfB.code, (criterion) => ({
            ...criterion,
            minima: [{ stars: 4, optionId: `${otherCode}/1` }],
          })),
          revision: 3,
        },
        422,
        'criteria.minimum_not_an_option',
        `Yêu cầu tối thiểu theo hạng sao của tiêu chí ${leafOfB.code} chỉ đến ${otherCode}/1`,
      ],
    ];
    for (const [body, status, code, message] of refusals) {
      const answer = await officer.put(`/api/evaluation/criteria-versions/${draft.id}`, body as Record<string, unknown>);
      expect(answer.statusCode, code).toBe(status);
      expect((answer.json() as Problem).code).toBe(code);
      expect((answer.json() as Problem).detail).toContain(message);
    }
    const unchanged = (await officer.get(`/api/evaluation/criteria-versions/${draft.id}`)).json() as CriteriaVersionView;
    expect(unchanged.revision).toBe(3);
    expect(unchanged.content).toEqual(off);

    // Publishing waits until the sums add up.
    const blocked = await officer.post(`/api/evaluation/criteria-versions/${draft.id}/publish`, { revision: 3 });
    expect(blocked.statusCode).toBe(422);
    const problem = blocked.json() as Problem;
    expect(problem.code).toBe('criteria.not_publishable');
    expect(problem.detail).toMatch(/^Chưa thể ban hành: bộ tiêu chí còn \d+ lỗi, lỗi đầu tiên ở 1\.5\.1\/B/);
    expect(((problem.details?.issues ?? []) as { code: string }[]).map((issue) => issue.code)).toContain('part.sum_mismatch');
    expect((await versionsOfTea()).map((row) => row.status)).toEqual(['published', 'draft']);

    await officer.put(`/api/evaluation/criteria-versions/${draft.id}`, { content, revision: 3 });
    expect((await officer.post(`/api/evaluation/criteria-versions/${draft.id}/publish`, { revision: 3 })).json().code).toBe(
      'criteria.stale_revision',
    );
    const published = await officer.post(`/api/evaluation/criteria-versions/${draft.id}/publish`, { revision: 4 });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ id: draft.id, status: 'published', version: 2 });
    expect(published.json().publishedAt).not.toBeNull();

    // The old version stays readable, superseded, with its content as it was.
    const old = (await officer.get(`/api/evaluation/criteria-versions/${tea.id}`)).json() as CriteriaVersionView;
    expect(old).toMatchObject({ status: 'superseded', version: 1 });
    expect(old.content).toEqual(tea.content);
    const listed = (await officer.get(`/api/evaluation/regimes/${REGIME}/sets`))
      .json()
      .items.filter((item: { productSetCode: string }) => item.productSetCode === TEA);
    expect(listed.map((item: { version: number; status: string }) => [item.version, item.status])).toEqual([[2, 'published']]);

    // A published or superseded version never changes: the API refuses, and so does the database.
    for (const id of [draft.id, tea.id]) {
      const put = await officer.put(`/api/evaluation/criteria-versions/${id}`, { content, revision: 4 });
      expect(put.statusCode).toBe(409);
      expect((put.json() as Problem).detail).toBe(
        'Phiên bản này đã ban hành hoặc đã được thay thế nên không được sửa hay xoá; hãy tạo bản nháp mới từ nó.',
      );
      expect((await officer.delete(`/api/evaluation/criteria-versions/${id}`)).json().code).toBe('criteria.published_immutable');
      expect((await officer.post(`/api/evaluation/criteria-versions/${id}/publish`, { revision: 4 })).json().code).toBe(
        'criteria.published_immutable',
      );
    }
    for (const id of [draft.id, tea.id]) {
      const failure = await t.database.db
        .execute(sql`update criteria_versions set content = jsonb_set(content, '{name}', '"Đổi tên"') where id = ${id}`)
        .then(
          () => undefined,
          (error: Error & { cause?: Error }) => error,
        );
      expect(String(failure?.cause?.message ?? failure?.message)).toMatch(/cannot change/);
    }
    expect(((await officer.get(`/api/evaluation/criteria-versions/${draft.id}`)).json() as CriteriaVersionView).content).toEqual(content);

    const actions = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_entries where entity_type = 'criteria_version' order by at, action`,
    );
    expect(new Set(actions.map((row) => row.action))).toEqual(
      new Set([
        'criteria_version.draft_started',
        'criteria_version.draft_saved',
        'criteria_version.superseded',
        'criteria_version.published',
      ]),
    );
  });

  it('exports a version as xlsx (one row per option, Vietnamese headers) and JSON, and imports each back unchanged', async () => {
    const xlsx = await exported(tea.id, 'xlsx');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Bộ tiêu chí 1.5.1 Chè tươi, chè chế biến - QĐ 26-2026 - phiên bản 1.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bộ tiêu chí', 'Thông tin']);
    const sheet = workbook.getWorksheet('Bộ tiêu chí') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 12)).toEqual([
      'Phần',
      'Mã tiêu chí',
      'Thuộc tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Yêu cầu',
      'Mã phương án',
      'Phương án',
      'Điểm',
      'Tối thiểu cho sao',
      'Minh chứng',
    ]);
    let options = 0;
    let groups = 0;
    const walk = (criteria: readonly CriterionContent[]) => {
      for (const criterion of criteria) {
        if (criterion.options.length > 0) options += criterion.options.length;
        else groups++;
        walk(criterion.children);
      }
    };
    for (const part of tea.content.parts) walk(part.criteria);
    expect(sheet.actualRowCount).toBe(1 + options + groups);
    const info = workbook.getWorksheet('Thông tin') as ExcelJS.Worksheet;
    expect(info.getRow(2).values).toEqual([undefined, 'Quy định', '26/2026']);

    const json = await exported(tea.id, 'json');
    expect(json.json()).toMatchObject({
      format: 'ocop-criteria-set',
      formatVersion: 1,
      regimeCode: '26/2026',
      productSetCode: TEA,
      version: 1,
    });

    for (const [filename, bytes] of [
      ['che.xlsx', xlsx.rawPayload],
      ['che.json', json.rawPayload],
    ] as const) {
      const before = await versionsOfTea();
      const dry = await importFile(officer, true, { filename, bytes });
      expect(dry.statusCode).toBe(200);
      const report = dry.json() as CriteriaImportReport;
      expect(report).toMatchObject({ ok: true, issues: [], summary: { criteria: expect.any(Number), options } });
      expect(report.summary.parts).toEqual([
        { code: 'A', maxPoints: 40, sum: 40 },
        { code: 'B', maxPoints: 25, sum: 25 },
        { code: 'C', maxPoints: 35, sum: 35 },
      ]);
      expect(await versionsOfTea()).toEqual(before);

      const committed = await importFile(officer, false, { filename, bytes });
      expect(committed.statusCode, filename).toBe(201);
      const draft = committed.json() as CriteriaVersionView;
      expect(draft).toMatchObject({ status: 'draft', source: 'import', version: 3, issues: [] });
      expect(draft.content).toEqual(tea.content);
    }
    // The second import replaced the first one's draft: one draft, its number reused.
    expect((await versionsOfTea()).map((row) => [row.version, row.status, row.source])).toEqual([
      [1, 'superseded', 'reference'],
      [2, 'published', 'secretariat'],
      [3, 'draft', 'import'],
    ]);
  });

  it('refuses bad files, naming the rows, and changes nothing', async () => {
    const xlsxBytes = (await exported(tea.id, 'xlsx')).rawPayload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Bộ tiêu chí') as ExcelJS.Worksheet;
    // Part B's first top criterion gets one more point on each of its rows: part B adds up to 26.
    const firstB = tea.content.parts[1]?.criteria[0] as CriterionContent;
    const rowsOfFirstB: number[] = [];
    const topRowsOfB: number[] = [];
    const topCodesOfB = new Set(tea.content.parts[1]?.criteria.map((criterion) => criterion.code));
    const seen = new Set<string>();
    sheet.eachRow((row, number) => {
      const code = String(row.getCell(2).value);
      if (number > 1 && row.getCell(1).value === 'B' && topCodesOfB.has(code) && !seen.has(code)) {
        seen.add(code);
        topRowsOfB.push(number);
      }
      if (code === firstB.code) {
        rowsOfFirstB.push(number);
        row.getCell(5).value = firstB.maxPoints + 1;
      }
    });
    const uneven = Buffer.from(await workbook.xlsx.writeBuffer());

    const before = await versionsOfTea();
    const dry = (await importFile(officer, true, { filename: 'sai.xlsx', bytes: uneven })).json() as CriteriaImportReport;
    expect(dry.ok).toBe(false);
    const sum = dry.issues.find((issue) => issue.code === 'part.sum_mismatch');
    expect(sum?.rows).toEqual(topRowsOfB);
    expect(sum?.message).toBe(`Dòng ${topRowsOfB.join(', ')}: Tổng điểm tối đa các tiêu chí của phần B là 26, phải là 25.`);
    expect(dry.summary.parts.find((part) => part.code === 'B')).toEqual({ code: 'B', maxPoints: 25, sum: 26 });

    const refused = await importFile(officer, false, { filename: 'sai.xlsx', bytes: uneven });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('criteria.import_invalid');
    expect(refused.json().detail).toMatch(/^Tệp có \d+ lỗi nên chưa được nhập, lỗi đầu tiên: Dòng \d+/);

    // A criterion code used twice in the sheet.
    const twice = new ExcelJS.Workbook();
    await twice.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    const twiceSheet = twice.getWorksheet('Bộ tiêu chí') as ExcelJS.Worksheet;
    const last = twiceSheet.getRow(twiceSheet.actualRowCount);
    const firstCode = String(twiceSheet.getRow(2).getCell(2).value);
    last.getCell(2).value = firstCode;
    const dup = (
      await importFile(officer, true, { filename: 'trung.xlsx', bytes: Buffer.from(await twice.xlsx.writeBuffer()) })
    ).json() as CriteriaImportReport;
    expect(dup.issues.find((issue) => issue.code === 'criteria.duplicate_code')).toMatchObject({
      row: twiceSheet.actualRowCount,
      message: `Dòng ${twiceSheet.actualRowCount}: mã tiêu chí ${firstCode} bị trùng (đã có ở dòng 2).`,
    });

    // An option id that belongs to another criterion, in a JSON file.
    const file = (await exported(tea.id, 'json')).json();
    const leaf = firstB.children[0] ?? firstB;
    file.content = changeCriterion(file.content, leaf.code, (criterion) => ({
      ...criterion,
      options: criterion.options.map((option, index) =>
        index === 0 ? { ...option, id: `${firstB.code === leaf.code ? 'X' : firstB.code}/1` } : option,
      ),
    }));
    const other = (
      await importFile(officer, true, { filename: 'sai.json', bytes: Buffer.from(JSON.stringify(file)) })
    ).json() as CriteriaImportReport;
    expect(other.issues.map((issue) => issue.code)).toEqual(['criteria.option_of_other_criterion']);
    expect(other.issues[0]?.message).toContain(`không thuộc tiêu chí ${leaf.code}`);

    // The file of another set, and a file that is neither xlsx nor JSON.
    const mismatch = (
      await importFile(officer, true, { filename: 'che.xlsx', bytes: xlsxBytes }, otherSetCode)
    ).json() as CriteriaImportReport;
    expect(mismatch.issues.map((issue) => issue.code)).toEqual(['criteria.content_mismatch']);
    const text = await importFile(officer, false, { filename: 'ghi-chu.txt', bytes: Buffer.from('không phải bảng tính') });
    expect(text.statusCode).toBe(422);
    expect(text.json()).toMatchObject({
      code: 'criteria.import_unreadable',
      detail: 'Không đọc được tệp: cần tệp Excel (.xlsx) hoặc JSON xuất từ hệ thống.',
    });

    const large = await importFile(officer, true, { filename: 'lon.json', bytes: Buffer.alloc(CRITERIA_FILE_BYTES + 1, 32) });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('file.too_large');

    expect(await versionsOfTea()).toEqual(before);
  });

  it('deletes a draft, and only a draft', async () => {
    const draft = (await versionsOfTea()).find((row) => row.status === 'draft');
    expect((await officer.delete(`/api/evaluation/criteria-versions/${draft?.id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/evaluation/criteria-versions/${draft?.id}`)).statusCode).toBe(404);
    expect((await versionsOfTea()).map((row) => row.status)).toEqual(['superseded', 'published']);
    const entries = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_entries where entity_type = 'criteria_version' and entity_id = ${draft?.id}`,
    );
    // The test clock stands still, so the entries are compared as a set.
    expect(entries.map((entry) => entry.action).sort()).toEqual(['criteria_version.draft_deleted', 'criteria_version.imported']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTaxCode, givenProducer, producerBody } from '../../../test-support/registry-builders';
import { type Client, HANOI, type TestApp, startTestApp } from '../../../test-support/test-app';

describe('producer routes', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let system: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    admin = await t.as({ role: 'province_admin' });
    system = await t.as({ role: 'system_admin' });
  });
  afterAll(() => t.close());

  async function countByRegistrationNumber(registrationNumber: string) {
    const response = await system.get(`/api/producers?q=${encodeURIComponent(registrationNumber)}`);
    return response.json().total as number;
  }

  describe('registering and reading', () => {
    it('registers a cooperative and reads it back with the names of its communes and old district', async () => {
      const body = producerBody({ name: 'Hợp tác xã Chè Shan Tuyết Tà Xùa' });
      const created = await officer.post('/api/producers', body);
      expect(created.statusCode).toBe(201);
      const producer = created.json();
      expect(producer).toMatchObject({
        provinceCode: '14',
        type: 'cooperative',
        legalForm: null,
        name: 'Hợp tác xã Chè Shan Tuyết Tà Xùa',
        registrationNumber: body.registrationNumber,
        communeCode: '03868',
        communeName: 'Xã Tà Xùa',
        legacyCommuneCode: '03868',
        legacyCommuneName: 'Xã Tà Xùa',
        legacyDistrictCode: '121',
        legacyDistrictName: 'Huyện Bắc Yên',
        phone: '0912345678',
        status: 'active',
        productCount: 0,
        version: 1,
        isDemo: false,
      });
      const read = await officer.get(`/api/producers/${producer.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(producer);
    });

    it('registers an enterprise with its legal form and a branch tax code', async () => {
      const response = await officer.post(
        '/api/producers',
        producerBody({
          type: 'enterprise',
          legalForm: 'llc_single_member',
          registrationNumber: `${aTaxCode()}-001`,
          legacyCommuneCode: null,
        }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ type: 'enterprise', legalForm: 'llc_single_member', legacyDistrictCode: null });
    });

    it('registers a household business with a free-form registration number, upper-cased', async () => {
      const number = `24a80${Math.floor(Math.random() * 1e5)}`;
      const response = await officer.post(
        '/api/producers',
        producerBody({ type: 'household_business', registrationNumber: ` ${number} ` }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json().registrationNumber).toBe(number.toUpperCase());
    });

    it('requires a login', async () => {
      expect((await t.anonymous.get('/api/producers')).statusCode).toBe(401);
      expect((await t.anonymous.post('/api/producers', producerBody())).statusCode).toBe(401);
    });
  });

  describe('bad input: a clear Vietnamese message and nothing stored', () => {
    it('refuses a tax code with 9 digits', async () => {
      const body = producerBody({ registrationNumber: '550012345' });
      const response = await officer.post('/api/producers', body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'producer.tax_code_invalid',
        title: 'Mã số thuế "550012345" không hợp lệ: mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh).',
        details: { field: 'registrationNumber' },
      });
      expect(await countByRegistrationNumber('550012345')).toBe(0);
    });

    it('refuses a duplicate registration number in the province', async () => {
      const first = await givenProducer(officer, { name: 'Hợp tác xã Mật ong Bắc Yên' });
      const response = await officer.post(
        '/api/producers',
        producerBody({ registrationNumber: first.registrationNumber, name: 'Một chủ thể khác' }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'producer.registration_number_taken',
        title: `Mã số thuế / số ĐKKD ${first.registrationNumber} đã được dùng cho chủ thể "Hợp tác xã Mật ong Bắc Yên" trong tỉnh.`,
      });
      expect(await countByRegistrationNumber(first.registrationNumber)).toBe(1);
    });

    it('allows the same registration number in another province', async () => {
      const first = await givenProducer(officer);
      const response = await system.post(
        '/api/producers',
        producerBody({ provinceCode: HANOI, communeCode: '00004', legacyCommuneCode: null, registrationNumber: first.registrationNumber }),
      );
      expect(response.statusCode).toBe(201);
    });

    it('refuses a commune outside the producer’s province', async () => {
      const body = producerBody({ communeCode: '00004' }); // Phường Ba Đình, Hà Nội
      const response = await officer.post('/api/producers', body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'admin_unit.commune_not_found',
        title: 'Không có xã/phường mã 00004 thuộc tỉnh 14.',
        details: { field: 'communeCode' },
      });
      expect(await countByRegistrationNumber(body.registrationNumber)).toBe(0);
    });

    it('refuses an old commune of another province', async () => {
      const body = producerBody({ legacyCommuneCode: '00004' });
      const response = await officer.post('/api/producers', body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'producer.legacy_commune_not_found',
        title: 'Không có xã cũ mã 00004 (trước 01/7/2025) thuộc tỉnh 14.',
      });
      expect(await countByRegistrationNumber(body.registrationNumber)).toBe(0);
    });

    it.each([
      [{ type: 'enterprise', legalForm: null }, 'producer.legal_form_required'],
      [{ legalForm: 'joint_stock' }, 'producer.legal_form_not_applicable'],
      [{ latitude: 104.4862, longitude: 21.3256 }, 'producer.location_outside_vietnam'],
      [{ latitude: 21.3, longitude: null }, 'producer.location_incomplete'],
      [{ foundingYear: 2031 }, 'producer.founding_year_invalid'],
      [{ phone: '12345' }, 'producer.phone_invalid'],
      [{ email: 'htx@' }, 'producer.email_invalid'],
    ])('refuses %o with %s', async (overrides, code) => {
      const body = producerBody(overrides);
      const response = await officer.post('/api/producers', body);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe(code);
      expect(response.json().title).toMatch(/[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i);
      expect(await countByRegistrationNumber(body.registrationNumber)).toBe(0);
    });

    it('refuses fields outside the contract', async () => {
      const response = await officer.post('/api/producers', { ...producerBody(), isDemo: true });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('listing, filtering and searching', () => {
    let teaCoop: { id: string; registrationNumber: string };
    let bichThao: { id: string };

    beforeAll(async () => {
      teaCoop = await givenProducer(officer, {
        name: 'Hợp tác xã Chè Shan tuyết Phiêng Khoài',
        communeCode: '04099',
        legacyCommuneCode: '04099',
      });
      bichThao = await givenProducer(officer, {
        name: 'HTX Cà phê Bích Thao',
        communeCode: '03670', // Phường Chiềng Cơi
        legacyCommuneCode: '03676', // Xã Hua La, Thành phố Sơn La
        type: 'cooperative',
      });
    });

    it('finds a producer by its name typed without diacritics, in any case', async () => {
      for (const q of ['bich thao', 'BÍCH THAO', 'ca phe bich']) {
        const response = await officer.get(`/api/producers?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        expect(response.json().items.map((p: { id: string }) => p.id)).toEqual([bichThao.id]);
      }
    });

    it('finds a producer by its tax code', async () => {
      const response = await officer.get(`/api/producers?q=${teaCoop.registrationNumber}`);
      expect(response.json().items.map((p: { id: string }) => p.id)).toEqual([teaCoop.id]);
    });

    it('filters by commune, new code or old code, and by old district', async () => {
      const byNew = (await officer.get('/api/producers?communeCode=03670')).json();
      const byOld = (await officer.get('/api/producers?communeCode=03676')).json();
      const byDistrict = (await officer.get('/api/producers?legacyDistrictCode=116')).json();
      for (const page of [byNew, byOld, byDistrict]) expect(page.items.map((p: { id: string }) => p.id)).toContain(bichThao.id);
      expect(byNew.items.map((p: { id: string }) => p.id)).not.toContain(teaCoop.id);
    });

    it('filters by type and status, pages and sorts', async () => {
      const coops = (await officer.get('/api/producers?type=cooperative&status=active&pageSize=2&page=1&sort=name')).json();
      expect(coops.items).toHaveLength(2);
      expect(coops.total).toBeGreaterThanOrEqual(3);
      expect(coops.items.every((p: { type: string }) => p.type === 'cooperative')).toBe(true);
      const names = coops.items.map((p: { name: string }) => p.name);
      const page2 = (await officer.get('/api/producers?type=cooperative&status=active&pageSize=2&page=2&sort=name')).json();
      expect(page2.items.map((p: { name: string }) => p.name)).not.toContain(names[0]);
      const enterprises = (await officer.get('/api/producers?type=enterprise')).json();
      expect(enterprises.items.every((p: { type: string }) => p.type === 'enterprise')).toBe(true);
    });

    it('refuses unknown query parameters', async () => {
      expect((await officer.get('/api/producers?colour=red')).statusCode).toBe(400);
    });
  });

  describe('scoping by grants', () => {
    let hanoiProducer: { id: string; name: string };
    let chiengAnProducer: { id: string; name: string; version: number };
    let taXuaProducer: { id: string; name: string; version: number };

    beforeAll(async () => {
      hanoiProducer = await givenProducer(system, {
        provinceCode: HANOI,
        communeCode: '00004',
        legacyCommuneCode: null,
        name: 'Công ty Hà Nội Chè Xanh',
      });
      chiengAnProducer = await givenProducer(officer, {
        communeCode: '03664',
        legacyCommuneCode: '03664',
        name: 'Hộ kinh doanh Chiềng An',
      });
      taXuaProducer = await givenProducer(officer, { name: 'Tổ hợp tác Tà Xùa' });
    });

    it('never shows a Hà Nội producer to a Sơn La officer', async () => {
      const list = (await officer.get('/api/producers?pageSize=200')).json();
      expect(list.items.map((p: { id: string }) => p.id)).not.toContain(hanoiProducer.id);
      expect(list.items.every((p: { provinceCode: string }) => p.provinceCode === '14')).toBe(true);
      const searched = (await officer.get('/api/producers?q=ha%20noi%20che%20xanh')).json();
      expect(searched.total).toBe(0);
      const one = await officer.get(`/api/producers/${hanoiProducer.id}`);
      expect(one.statusCode).toBe(404);
      expect(one.json()).toMatchObject({ code: 'producer.not_found', title: 'Không tìm thấy chủ thể OCOP.' });
      const explicit = (await officer.get(`/api/producers?provinceCode=${HANOI}`)).json();
      expect(explicit.total).toBe(0);
      expect((await system.get(`/api/producers/${hanoiProducer.id}`)).statusCode).toBe(200);
    });

    it('shows a commune officer only the producers of their commune', async () => {
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03664' });
      const list = (await communeOfficer.get('/api/producers?pageSize=200')).json();
      expect(list.items.length).toBeGreaterThanOrEqual(1);
      expect(list.items.every((p: { communeCode: string }) => p.communeCode === '03664')).toBe(true);
      expect((await communeOfficer.get(`/api/producers/${taXuaProducer.id}`)).statusCode).toBe(404);
      expect((await communeOfficer.get(`/api/producers/${chiengAnProducer.id}`)).statusCode).toBe(200);
      const elsewhere = await communeOfficer.post('/api/producers', producerBody({ communeCode: '03868' }));
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json().code).toBe('producer.create_not_allowed');
      const here = await communeOfficer.post('/api/producers', producerBody({ communeCode: '03664', legacyCommuneCode: null }));
      expect(here.statusCode).toBe(201);
    });

    it('lets a producer member edit its own producer and nothing else', async () => {
      const own = await givenProducer(officer, { name: 'Hợp tác xã Nông nghiệp Quyết Thắng' });
      const member = await t.as({ role: 'producer_member', producerId: own.id });
      const list = (await member.get('/api/producers')).json();
      expect(list.items.map((p: { id: string }) => p.id)).toEqual([own.id]);
      const edited = await member.patch(`/api/producers/${own.id}`, { version: own.version, memberCount: 31, phone: '0212 3852 123' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ memberCount: 31, phone: '02123852123', version: 2 });
      const other = await member.patch(`/api/producers/${taXuaProducer.id}`, { version: taXuaProducer.version, memberCount: 1 });
      expect(other.statusCode).toBe(404);
      expect((await member.get(`/api/producers/${taXuaProducer.id}`)).statusCode).toBe(404);
      expect((await member.post('/api/producers', producerBody())).statusCode).toBe(403);
      expect((await member.post(`/api/producers/${own.id}/status`, { status: 'suspended', version: 2 })).statusCode).toBe(403);
      const untouched = (await officer.get(`/api/producers/${taXuaProducer.id}`)).json();
      expect(untouched.memberCount).toBe(25);
    });

    it('keeps a producer’s type, number and commune for officers: its own members cannot move or re-register it', async () => {
      const own = await givenProducer(officer, { name: 'Hợp tác xã Mận hậu Nà Bó' });
      const member = await t.as({ role: 'producer_member', producerId: own.id });
      for (const change of [
        { communeCode: '03664', legacyCommuneCode: null },
        { registrationNumber: aTaxCode() },
        { type: 'household_business' },
      ]) {
        const refused = await member.patch(`/api/producers/${own.id}`, { version: own.version, ...change });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ code: 'producer.field_reserved', title: expect.stringContaining('cán bộ') });
      }
      expect((await officer.get(`/api/producers/${own.id}`)).json()).toMatchObject({ communeCode: '03868', version: own.version });
      // The commune's officer may: it is theirs to manage.
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03868' });
      const number = aTaxCode();
      const renumbered = await communeOfficer.patch(`/api/producers/${own.id}`, { version: own.version, registrationNumber: number });
      expect(renumbered.statusCode).toBe(200);
      expect(renumbered.json().registrationNumber).toBe(number);
    });

    it('lets no commune officer register a producer that is not active: status is the province’s decision', async () => {
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03664' });
      const body = producerBody({ communeCode: '03664', legacyCommuneCode: null, status: 'dissolved' });
      const refused = await communeOfficer.post('/api/producers', body);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'producer.status_change_forbidden', details: { field: 'status' } });
      expect(await countByRegistrationNumber(body.registrationNumber)).toBe(0);
    });

    it('names in a conflict only a producer the caller may see', async () => {
      const hidden = await givenProducer(officer, { name: 'Hợp tác xã Bí Mật Chiềng Cơi', communeCode: '03670', legacyCommuneCode: null });
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03664' });
      const clash = await communeOfficer.post(
        '/api/producers',
        producerBody({ communeCode: '03664', legacyCommuneCode: null, registrationNumber: hidden.registrationNumber }),
      );
      expect(clash.statusCode).toBe(409);
      expect(clash.json().code).toBe('producer.registration_number_in_use');
      expect(clash.body).not.toContain('Bí Mật');
      const seen = await officer.post('/api/producers', producerBody({ registrationNumber: hidden.registrationNumber }));
      expect(seen.statusCode).toBe(409);
      expect(seen.json()).toMatchObject({ code: 'producer.registration_number_taken', details: { name: hidden.name } });
    });

    it('does not let a commune officer move a producer out of their commune', async () => {
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03664' });
      const moved = await communeOfficer.patch(`/api/producers/${chiengAnProducer.id}`, {
        version: chiengAnProducer.version,
        communeCode: '03670',
      });
      expect(moved.statusCode).toBe(403);
      expect(moved.json()).toMatchObject({ code: 'producer.move_not_allowed', details: { field: 'communeCode' } });
      expect((await officer.get(`/api/producers/${chiengAnProducer.id}`)).json()).toMatchObject({
        communeCode: '03664',
        version: chiengAnProducer.version,
      });
    });

    it('lets a council member read but not change', async () => {
      const council = await t.as({ role: 'council_member' });
      expect((await council.get(`/api/producers/${taXuaProducer.id}`)).statusCode).toBe(200);
      const response = await council.patch(`/api/producers/${taXuaProducer.id}`, { version: taXuaProducer.version, memberCount: 2 });
      expect(response.statusCode).toBe(403);
    });

    it('lets a province admin create a producer-member user for a producer of the province only', async () => {
      const created = await admin.post('/api/users', {
        fullName: 'Nguyễn Xuân Thao',
        email: `thao.${Date.now()}@example.vn`,
        password: 'mat-khau-dai-123',
        roles: [{ role: 'producer_member', producerId: taXuaProducer.id }],
      });
      expect(created.statusCode).toBe(201);
      const foreign = await admin.post('/api/users', {
        fullName: 'Người Hà Nội',
        email: `hn.${Date.now()}@example.vn`,
        password: 'mat-khau-dai-123',
        roles: [{ role: 'producer_member', producerId: hanoiProducer.id }],
      });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().code).toBe('producer.not_found');
    });
  });

  describe('updating', () => {
    it('changes fields, derives the old district again and keeps the rest', async () => {
      const producer = await givenProducer(officer);
      const response = await officer.patch(`/api/producers/${producer.id}`, {
        version: producer.version,
        name: 'Hợp tác xã Chè Tà Xùa (đổi tên)',
        legacyCommuneCode: '03676', // Xã Hua La, Thành phố Sơn La
        address: null,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: 'Hợp tác xã Chè Tà Xùa (đổi tên)',
        legacyCommuneName: 'Xã Hua La',
        legacyDistrictCode: '116',
        legacyDistrictName: 'Thành phố Sơn La',
        address: null,
        memberCount: 25,
        version: 2,
      });
    });

    it('refuses a change based on a stale version and keeps the other change', async () => {
      const producer = await givenProducer(officer);
      const first = await officer.patch(`/api/producers/${producer.id}`, { version: producer.version, memberCount: 40 });
      expect(first.statusCode).toBe(200);
      const second = await admin.patch(`/api/producers/${producer.id}`, { version: producer.version, memberCount: 50 });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({
        code: 'producer.stale_version',
        title: 'Thông tin chủ thể vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
        details: { currentVersion: 2 },
      });
      expect((await officer.get(`/api/producers/${producer.id}`)).json().memberCount).toBe(40);
    });

    it('refuses to take a registration number used by another producer', async () => {
      const a = await givenProducer(officer);
      const b = await givenProducer(officer);
      const response = await officer.patch(`/api/producers/${b.id}`, { version: b.version, registrationNumber: a.registrationNumber });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('producer.registration_number_taken');
      expect((await officer.get(`/api/producers/${b.id}`)).json().registrationNumber).toBe(b.registrationNumber);
    });

    it('drops the legal form when an enterprise becomes a cooperative', async () => {
      const producer = await givenProducer(officer, { type: 'enterprise', legalForm: 'joint_stock' });
      const response = await officer.patch(`/api/producers/${producer.id}`, { version: producer.version, type: 'cooperative' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ type: 'cooperative', legalForm: null });
    });

    it('records who changed what, with the values before and after', async () => {
      const producer = await givenProducer(officer, { name: 'Hợp tác xã Rau an toàn Mộc Châu' });
      await officer.patch(`/api/producers/${producer.id}`, { version: producer.version, memberCount: 12 });
      const entries = (await admin.get(`/api/audit-entries?entityType=producer&entityId=${producer.id}`)).json().items;
      const registered = entries.find((e: { action: string }) => e.action === 'producer.registered');
      const updated = entries.find((e: { action: string }) => e.action === 'producer.updated');
      expect(registered).toMatchObject({
        provinceCode: '14',
        before: null,
        after: expect.objectContaining({ name: 'Hợp tác xã Rau an toàn Mộc Châu', memberCount: 25 }),
      });
      expect(updated).toMatchObject({
        before: { memberCount: 25, version: 1 },
        after: { memberCount: 12, version: 2 },
        actorName: 'Người dùng province_officer',
      });
    });
  });

  describe('status', () => {
    it('suspends, re-activates and dissolves; a dissolved producer stays dissolved', async () => {
      const producer = await givenProducer(officer);
      const suspended = await officer.post(`/api/producers/${producer.id}/status`, {
        status: 'suspended',
        reason: 'Tạm dừng sản xuất',
        version: 1,
      });
      expect(suspended.statusCode).toBe(200);
      expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: 'Tạm dừng sản xuất', version: 2 });
      const dissolved = await officer.post(`/api/producers/${producer.id}/status`, { status: 'dissolved', version: 2 });
      expect(dissolved.json()).toMatchObject({ status: 'dissolved', version: 3 });
      const back = await officer.post(`/api/producers/${producer.id}/status`, { status: 'active', version: 3 });
      expect(back.statusCode).toBe(409);
      expect(back.json()).toMatchObject({
        code: 'producer.status_change_not_allowed',
        title: 'Không thể chuyển chủ thể từ trạng thái "Đã giải thể" sang "Đang hoạt động".',
      });
      const entries = (await admin.get(`/api/audit-entries?entityType=producer&entityId=${producer.id}`)).json().items;
      expect(entries.filter((e: { action: string }) => e.action === 'producer.status_changed')).toHaveLength(2);
    });

    it('is refused to a commune officer', async () => {
      const producer = await givenProducer(officer, { communeCode: '03664', legacyCommuneCode: null });
      const communeOfficer = await t.as({ role: 'commune_officer', communeCode: '03664' });
      const response = await communeOfficer.post(`/api/producers/${producer.id}/status`, { status: 'suspended', version: 1 });
      expect(response.statusCode).toBe(403);
    });
  });
});

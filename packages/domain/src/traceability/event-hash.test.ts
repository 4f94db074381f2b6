import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventPreHash, formatEventHashId, type JsonObject, type JsonValue, namespacesFromContext } from './event-hash';
import { canonicalNumber, canonicalTimestamp, compareCodePoints } from './event-hash-values';

// Tests may use node built-ins (.dependency-cruiser.cjs excepts *.test.ts): the hashing the domain leaves to its caller.
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Document = { '@context': JsonObject[]; epcisBody: { eventList: JsonObject[] } };

function vectors(name: string) {
  const read = (extension: string) => readFileSync(new URL(`./testdata/${name}.${extension}`, import.meta.url), 'utf8');
  const document = JSON.parse(read('jsonld')) as Document;
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
  return {
    events: document.epcisBody.eventList,
    namespaces: namespacesFromContext(document['@context']),
    preHashes: lines(read('prehashes')),
    hashes: lines(read('hashes')),
  };
}

// GS1's reference implementation's own examples: every event of each file, pre-hash and ID.
describe.each([
  ['ReferenceEventHashAlgorithm', 'user extensions, nested and repeated; SSCC and SGLN with extension'],
  ['ReferenceEventHashAlgorithm3', 'readPoint extension, bizTransaction with a GDTI, source/destination with PGLN'],
  ['epcisDocWithVariousEventTypes', 'Object, Aggregation, Transaction, Transformation; quantities; ILMD; bizLocation'],
  ['epcisDocWithSingleEvent', 'microsecond timestamp at -06:00, bizTransaction URL'],
  ['persistentDisposition', 'persistentDisposition set and unset'],
  ['TimeStampRoundOff', 'fourth decimal rounded; foreign Digital Link hosts; sensor metadata time and bizRules, alert type'],
  ['ReferenceEventHashAlgorithm2', 'sensor reports sorted; GIAI device ID; microorganism and chemical substance'],
  ['epcisDocWithSensorComponent', 'GRAI Digital Link; sensor components as CURIEs'],
  ['epcisDocWithSensorDataObjectEvent', 'three sensor elements, each with metadata and four reports'],
  ['CertificationInfoAndSensorReportWithCRS', 'extensions inside sensor metadata and report; coordinate reference system'],
])('%s (%s)', (name) => {
  const { events, namespaces, preHashes, hashes } = vectors(name);
  it.each(events.map((event, i) => [i, event] as const))('event %i', (i, event) => {
    const result = eventPreHash(event, namespaces);
    expect(result).toEqual({ ok: true, preHash: preHashes[i] });
    if (result.ok) expect(formatEventHashId(sha256(result.preHash))).toBe(hashes[i]);
  });
});

describe('eventPreHash', () => {
  const base: JsonObject = {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T08:00:00+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: ['https://id.gs1.org/01/08931234567897/21/A1', 'urn:epc:id:sgtin:893123.0456789.A2'],
    action: 'OBSERVE',
    bizStep: 'shipping',
  };

  it('gives the same string whatever the key order, list order, EPC form or time zone', () => {
    const same: JsonObject = {
      bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
      action: 'OBSERVE',
      epcList: ['https://resolver.ocop.example.vn/01/8931234567897/21/A2?x=1', 'urn:epc:id:sgtin:893123.0456789.A1'],
      eventTimeZoneOffset: '+07:00',
      eventTime: '2026-03-01T01:00:00.000Z',
      eventID: 'ni:///sha-256;ignored',
      recordTime: '2026-03-02T00:00:00Z',
      type: 'ObjectEvent',
    };
    expect(eventPreHash(same)).toEqual(eventPreHash(base));
  });

  it('changes when any value changes or a field is added', () => {
    const preHash = (event: JsonObject) => (eventPreHash(event) as { preHash: string }).preHash;
    expect(preHash({ ...base, action: 'ADD' })).not.toBe(preHash(base));
    expect(preHash({ ...base, disposition: 'in_transit' })).not.toBe(preHash(base));
  });

  it('expands bare CBV words of business transaction and source/destination types', () => {
    const result = eventPreHash({
      ...base,
      sourceList: [{ type: 'owning_party', source: 'urn:ocop:vn:party:hop-tac-xa-1' }],
      bizTransactionList: [{ bizTransaction: 'urn:ocop:vn:po:77', type: 'po' }],
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.preHash).toContain(
      'bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=urn:ocop:vn:po:77sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=urn:ocop:vn:party:hop-tac-xa-1',
    );
  });

  it('refuses something that is not an event', () => {
    expect(eventPreHash({ epcList: [] })).toEqual({ ok: false, reason: 'not_an_event' });
  });
});

describe('sensor elements', () => {
  const namespaces = { gs1: 'https://gs1.org/voc/', cbv: 'https://ref.gs1.org/cbv/', ex: 'https://ns.example.com/epcis' };
  const withSensors = (sensorElementList: JsonValue): JsonObject => ({
    type: 'ObjectEvent',
    eventTime: '2026-03-01T08:00:00+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: ['https://id.gs1.org/01/08931234567897/21/A1'],
    action: 'OBSERVE',
    bizStep: 'sensor_reporting',
    sensorElementList,
  });
  const preHash = (event: JsonObject) => {
    const result = eventPreHash(event, namespaces);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.preHash.slice(result.preHash.indexOf('sensorElementList'));
  };

  it('expands bare measurement types, alert types and components, and reads CURIEs and full URIs the same', () => {
    const bare = preHash(
      withSensors([{ sensorReport: [{ type: 'Temperature', exception: 'ALARM_CONDITION', component: 'x', value: 26.5 }] }]),
    );
    expect(bare).toBe(
      'sensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperatureexception=https://gs1.org/voc/ALARM_CONDITIONvalue=26.5component=https://ref.gs1.org/cbv/Comp-x',
    );
    const curie = withSensors([
      { sensorReport: [{ component: 'cbv:Comp-x', value: 26.5, exception: 'gs1:ALARM_CONDITION', type: 'gs1:Temperature' }] },
    ]);
    expect(preHash(curie)).toBe(bare);
    const full = withSensors([
      {
        sensorReport: [
          {
            type: 'https://gs1.org/voc/Temperature',
            exception: 'https://gs1.org/voc/ALARM_CONDITION',
            component: 'https://ref.gs1.org/cbv/Comp-x',
            value: 26.5,
          },
        ],
      },
    ]);
    expect(preHash(full)).toBe(bare);
  });

  it('writes sensor times in UTC to the millisecond, device keys as Digital Links, booleans in lower case', () => {
    const text = preHash(
      withSensors([
        {
          sensorMetadata: {
            endTime: '2026-03-01T07:00:00+07:00',
            startTime: '2026-03-01T06:00:00.12345+07:00',
            deviceID: 'urn:epc:id:giai:893123.S-1',
          },
          sensorReport: [{ type: 'Temperature', time: '2026-03-01T06:30:00+07:00', booleanValue: false, hexBinaryValue: 'F0F0' }],
        },
      ]),
    );
    expect(text).toBe(
      'sensorElementListsensorElementsensorMetadatastartTime=2026-02-28T23:00:00.123ZendTime=2026-03-01T00:00:00.000ZdeviceID=https://id.gs1.org/8004/893123S-1' +
        'sensorReporttype=https://gs1.org/voc/Temperaturetime=2026-02-28T23:30:00.000ZbooleanValue=falsehexBinaryValue=F0F0',
    );
  });

  it('sorts reports and elements by their text, whatever order they came in', () => {
    const a = {
      sensorReport: [
        { type: 'Temperature', value: 2 },
        { type: 'AbsoluteHumidity', value: 1 },
      ],
    };
    const b = { sensorMetadata: { time: '2026-03-01T00:00:00Z' }, sensorReport: [{ type: 'Temperature', value: 3 }] };
    const reversed = {
      sensorReport: [
        { value: 1, type: 'AbsoluteHumidity' },
        { value: 2, type: 'Temperature' },
      ],
    };
    expect(preHash(withSensors([a, b]))).toBe(preHash(withSensors([b, reversed])));
    expect(preHash(withSensors([a, b]))).toMatch(
      /^sensorElementListsensorElementsensorMetadatatime=.*sensorElementsensorReporttype=https:\/\/gs1.org\/voc\/AbsoluteHumidity/,
    );
  });

  it('puts the extensions of a report, its metadata and its element at the end of each, sorted, whatever their namespace ends in', () => {
    const text = preHash(
      withSensors([
        {
          'ex:note': 'n',
          sensorReport: [{ 'ex:b': '2', type: 'Temperature', 'ex:a': { 'ex:y': '1', 'ex:x': '0.50' } }],
          sensorMetadata: { 'ex:m': 'v', time: '2026-03-01T00:00:00Z' },
        },
      ]),
    );
    const ns = '{https://ns.example.com/epcis}';
    expect(text).toBe(
      `sensorElementListsensorElementsensorMetadatatime=2026-03-01T00:00:00.000Z${ns}m=v` +
        `sensorReporttype=https://gs1.org/voc/Temperature${ns}a${ns}x=0.5${ns}y=1${ns}b=2${ns}note=n`,
    );
  });

  it('comes after bizLocation and before business transactions, ILMD and extensions', () => {
    const result = eventPreHash(
      {
        ...withSensors([{ sensorReport: [{ type: 'Temperature', value: 1 }] }]),
        bizLocation: { id: 'urn:epc:id:sgln:893123.00001.0' },
        'ex:z': '1',
        bizTransactionList: [{ type: 'po', bizTransaction: 'urn:ocop:vn:po:1' }],
      },
      namespaces,
    );
    expect(result.ok && result.preHash).toMatch(
      /bizLocationid=.*sensorElementListsensorElementsensorReport.*value=1bizTransactionList.*\{https:\/\/ns\.example\.com\/epcis\}z=1$/,
    );
  });

  it('leaves out empty sensor parts, and a list with nothing in it', () => {
    expect(preHash(withSensors([{ sensorMetadata: {}, sensorReport: [{ type: 'Temperature' }] }]))).toBe(
      'sensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperature',
    );
    const empty = eventPreHash(withSensors([{ sensorReport: [{ rawData: '  ' }] }]), namespaces);
    expect(empty.ok && empty.preHash).not.toContain('sensorElement');
  });

  it('refuses a field inside a sensor element that is neither standard nor namespaced, naming where it is', () => {
    expect(
      eventPreHash(
        withSensors([{ sensorReport: [{ type: 'Temperature' }, { type: 'Temperature', bizRules: 'https://example.com/r' }] }]),
        namespaces,
      ),
    ).toEqual({
      ok: false,
      reason: 'unsupported_field',
      field: 'sensorElementList/0/sensorReport/1/bizRules',
    });
    expect(eventPreHash(withSensors([{ sensorReport: [], reading: '1' }]))).toMatchObject({
      ok: false,
      field: 'sensorElementList/0/reading',
    });
  });
});

describe('value canonicalisation', () => {
  it.each([
    ['2020-03-04T11:00:30+01:00', '2020-03-04T10:00:30.000Z'],
    ['2022-02-16T20:33:31.116000-06:00', '2022-02-17T02:33:31.116Z'],
    ['2023-01-18T11:04:03.1415Z', '2023-01-18T11:04:03.142Z'],
    ['2023-12-31T23:59:59.9996Z', '2024-01-01T00:00:00.000Z'],
    ['2026-03-01T06:30:00+07:00', '2026-02-28T23:30:00.000Z'],
    ['not a time', 'not a time'],
  ])('timestamp %s → %s', (input, expected) => {
    expect(canonicalTimestamp(input)).toBe(expected);
  });

  it.each([
    ['1.0', '1'],
    ['+600', '600'],
    ['0.34340', '0.3434'],
    ['-0', '0'],
    ['0.00001', '1e-05'],
    ['1e3', '1000'],
    ['2019-10-21', '2019-10-21'],
    ['AB-12', 'AB-12'],
  ])('number %s → %s', (input, expected) => {
    expect(canonicalNumber(input)).toBe(expected);
  });

  it('sorts by code point (UTF-8 order), not UTF-16 unit', () => {
    expect(['\u{1F600}', '\uFF5E', 'Z', 'a'].sort(compareCodePoints)).toEqual(['Z', 'a', '\uFF5E', '\u{1F600}']);
  });

  it('formats the ni URI and refuses anything but a SHA-256 digest', () => {
    expect(formatEventHashId('A'.repeat(64))).toBe(`ni:///sha-256;${'a'.repeat(64)}?ver=CBV2.0`);
    expect(() => formatEventHashId('abc')).toThrow();
  });
});

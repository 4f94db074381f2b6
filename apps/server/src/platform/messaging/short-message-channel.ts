import { fitSms, fitText, ZALO_MAX_CHARS } from './short-message-text';
import { maskPhone, normaliseVietnamesePhone } from './vietnamese-phone';

export const SHORT_MESSAGE_CHANNELS = ['sms', 'zalo'] as const;
export type ShortMessageChannelName = (typeof SHORT_MESSAGE_CHANNELS)[number];

/**
 * A short message to a phone: SMS or Zalo. `send` resolves once the provider accepted the message
 * and throws otherwise, so a caller running in a job lets the job queue retry it. Channels built
 * with `createShortMessageChannel` take `to` as E.164 or as a Vietnamese number, and fit `text` to
 * their medium (SMS: one GSM 7-bit message of 160 characters; Zalo: 1,000 characters).
 */
export type ShortMessageChannel = {
  name: ShortMessageChannelName;
  send: (to: string, text: string) => Promise<void>;
};

/** Thrown for a number no short message can reach (not Vietnamese, not a mobile, not a number). */
export class UnreachablePhoneError extends Error {
  override readonly name = 'UnreachablePhoneError';
  readonly code = 'short_message.unreachable_phone';
}

/** The text as `channel` carries it. */
export function fitShortMessage(channel: ShortMessageChannelName, text: string): string {
  return channel === 'sms' ? fitSms(text) : fitText(text, ZALO_MAX_CHARS);
}

/**
 * A channel over a provider's `deliver`, which receives a mobile number in E.164 and the text
 * already fitted: every channel (logging, recording, a real provider's adapter) is built with it,
 * so none forgets the number's form or the length.
 */
export function createShortMessageChannel(
  name: ShortMessageChannelName,
  deliver: (e164: string, text: string) => Promise<void>,
): ShortMessageChannel {
  return {
    name,
    send: async (to, text) => {
      const phone = normaliseVietnamesePhone(to);
      if (!phone?.mobile) throw new UnreachablePhoneError(`${name}: not a Vietnamese mobile number`);
      await deliver(phone.e164, fitShortMessage(name, text));
    },
  };
}

/**
 * The default while no provider is configured: nothing is sent; one log line notes the channel,
 * the masked number and the length, never the text (it names people and products).
 */
export function createLoggingChannel(
  name: ShortMessageChannelName,
  logger: { info: (details: object, message: string) => void },
): ShortMessageChannel {
  return createShortMessageChannel(name, async (e164, text) => {
    logger.info({ channel: name, to: maskPhone(e164), chars: text.length }, 'short message not sent: no provider configured');
  });
}

export type SentShortMessage = { to: string; text: string };

/**
 * An in-process double for tests and the bench: keeps what it was asked to send (number in E.164,
 * text as fitted); `failNext(n)` makes the next n sends throw, as a provider that is down.
 */
export function createRecordingChannel(name: ShortMessageChannelName) {
  const sent: SentShortMessage[] = [];
  let failures = 0;
  const channel = createShortMessageChannel(name, async (to, text) => {
    if (failures > 0) {
      failures--;
      throw new Error(`${name} provider unavailable`);
    }
    sent.push({ to, text });
  });
  return {
    ...channel,
    sent,
    failNext: (count: number) => {
      failures = count;
    },
  };
}

export type RecordingChannel = ReturnType<typeof createRecordingChannel>;

// link <code> / जोड़ें <code>, then the OTP: binds this chat to an employee on the master roll.
import { OtpDeliveryError } from '../../core/errors.ts';
import { confirmLink, startLink } from '../../core/staff/link-account.ts';
import { preferThisChat } from '../../core/staff/preferred-chat.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { text } from '../messages/texts.ts';
import { channelName } from '../messages/channel-names.ts';
import { otpOnConsole } from './sign.ts';

export async function linkCommand(ctx: CommandContext): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const code = ctx.parse.entities.employeeCode;
  if (code === undefined || code === '') return { replies: [{ text: text('linkNeedsCode', lang) }] };
  const started = await startLink(tx, deps.clock, { policy: deps.otpPolicy, kinds: deps.otpSender.kinds }, {
    account: ctx.account, employeeCode: code,
  });
  if (!started.ok) return { replies: [{ text: failureText(started.failure.code, started.failure.params, lang) }] };
  const { challenge, code: otp, to, employee, told } = started.value;
  // The employee's own language from the roll, now that we know who they say they are.
  const otpLang = employee.language;
  return {
    replies: [],
    queuedNotifications: told > 0,
    afterCommit: async () => {
      try {
        await deps.otpSender.send({
          to, code: otp, purpose: 'link', language: otpLang,
          context: otpLang === 'hi' ? `Daftar: ${channelName(ctx.account.channel, 'hi')} खाता जोड़ने के लिए` : `Daftar: to link your ${channelName(ctx.account.channel, 'en')} chat`,
          expiresInMinutes: deps.otpPolicy.ttlMinutes,
        });
      } catch (error) {
        if (!(error instanceof OtpDeliveryError)) throw error;
        deps.log.warn(`OTP delivery failed (${error.kind}): ${error.message}`);
        await deps.store.transaction((t) => t.otps.update(challenge.id, { status: 'cancelled' }));
        return [{ text: failureText('OTP.NOT_SENT', {}, otpLang) }];
      }
      // Now that we know who they say they are, the prompt is in their language on the roll.
      return [{
        text: text(otpOnConsole(deps) ? 'otpOnConsole' : 'otpSent', otpLang, { name: employee.name, destination: challenge.destination, minutes: deps.otpPolicy.ttlMinutes }),
      }];
    },
  };
}

export async function otpCommand(ctx: CommandContext): Promise<Outcome> {
  const { tx, deps, lang } = ctx;
  const code = ctx.parse.entities.otp ?? '';
  const confirmed = await confirmLink(tx, deps.clock, { policy: deps.otpPolicy, kinds: deps.otpSender.kinds }, {
    account: ctx.account, code,
  });
  if (!confirmed.ok) return { replies: [{ text: failureText(confirmed.failure.code, confirmed.failure.params, lang) }] };
  const { employee, told } = confirmed.value;
  const section = await tx.sections.byId(employee.sectionId);
  return {
    queuedNotifications: told > 0,
    replies: [{ text: text('linked', employee.language, { name: employee.name, post: employee.post, section: section?.name ?? '' }) }],
  };
}

/** "notify here" / "सूचना यहाँ": this linked chat gets the employee's notifications from now on. */
export async function notifyHereCommand(ctx: CommandContext): Promise<Outcome> {
  const me = ctx.employee;
  if (me === null) return { replies: [{ text: text('onlyLinkWhenUnlinked', ctx.lang) }] };
  const changed = await preferThisChat(ctx.tx, ctx.deps.clock, { employee: me, account: ctx.account });
  return {
    queuedNotifications: changed,
    replies: [{ text: text(changed ? 'notifyHereSet' : 'notifyHereAlready', ctx.lang, { channel: channelName(ctx.account.channel, ctx.lang) }) }],
  };
}

import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

// Modern Standard Arabic. Counted nouns take six forms (zero, one, two, few = 3–10, many = 11–99, other).

export function ar({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'إغلاق المحادثة',
    defaultTitle: 'تحدّث معنا',
    online: 'نحن متصلون الآن',
    replyInMinutes: 'نرد عادةً خلال دقائق',
    replyInHours: 'نرد عادةً خلال ساعات',
    replyInDay: 'نرد عادةً خلال يوم',
    defaultGreeting: 'مرحبًا! اسألنا عن أي شيء وسنرد عليك هنا مباشرةً.',
    messagesLabel: 'الرسائل',
    composerLabel: 'الرسالة',
    composerPlaceholder: 'اكتب رسالة…',
    send: 'إرسال الرسالة',
    attachFile: 'إرفاق ملف',
    emoji: 'رموز تعبيرية',
    sending: 'جارٍ الإرسال…',
    you: 'أنت',
    agent: 'فريق الدعم',
    connecting: 'جارٍ الاتصال…',
    reconnecting: 'جارٍ إعادة الاتصال…',
    unavailable: 'المحادثة غير متاحة حاليًا.',
    resolved: 'تم حل المحادثة',
    previousConversations: 'المحادثات السابقة',
    reopened: 'أُعيد فتح المحادثة',
    joined: (name) => `انضم ${name} إلى المحادثة`,
    typing: (name) => `${name} يكتب…`,
    seen: 'تمت القراءة',
    newMessage: (name, body) => `رسالة جديدة من ${name}: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(
        count,
        plural(count, { one: 'رسالة جديدة', two: 'رسالتان جديدتان', other: 'رسائل جديدة' }),
        title,
      ),
    muteSound: 'كتم صوت الرسائل الجديدة',

    queuePosition: (position) => `ترتيبك في قائمة الانتظار: ${position}`,
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'أقل من دقيقة',
    waitMinutes: (minutes) =>
      plural(minutes, {
        one: 'حوالي دقيقة واحدة',
        two: 'حوالي دقيقتين',
        few: 'حوالي # دقائق',
        many: 'حوالي # دقيقة',
        other: 'حوالي # دقيقة',
      }),
    waitHours: (hours) =>
      plural(hours, {
        one: 'حوالي ساعة واحدة',
        two: 'حوالي ساعتين',
        few: 'حوالي # ساعات',
        many: 'حوالي # ساعة',
        other: 'حوالي # ساعة',
      }),

    away: 'لسنا متاحين الآن.',
    backWhen: (when) => `سنعود ${when}.`,
    backAt: (time) => `الساعة ${time}`,
    backTomorrowAt: (time) => `غدًا الساعة ${time}`,
    backOnWeekdayAt: (weekday, time) => `يوم ${weekday} الساعة ${time}`,
    backOnDateAt: (date, time) => `يوم ${date} الساعة ${time}`,
    leaveEmail: 'اترك بريدك الإلكتروني وسنرد عليك عبره.',
  };
}

// Spanish consent texts (tú, no vosotros). Translated from src/domain/consent.ts; same facts, same structure.
import type { ConsentPurpose } from './consent.js';
const VOLUNTARY =
  'Participar es voluntario y no influye en tu empleo, en tus evaluaciones de desempeño ni en la opinión que nadie tenga de ti en el trabajo.';
const HR_COUNTS = 'RR. HH. solo ve cifras anónimas (nunca inferiores al tamaño mínimo de grupo de la iniciativa), nunca un nombre.';
const RETENTION = 'el plazo de conservación de la iniciativa (90 días, salvo que su coordinación establezca otro)';
const CHECK_IN_ANSWERS = 'tus respuestas a las preguntas de seguimiento, guardadas solo como la opción elegida, nunca como texto libre';
const RELAYED =
  'Los mensajes que intercambias se transmiten y nunca se guardan: solo conservamos su fecha y hora, para que, si uno se edita o se borra, el cambio también llegue a la otra persona.';
export const ES_TEXTS: Record<ConsentPurpose, string> = {
  listener: [
    '*Qué guardamos:* tu ID de Slack; los temas, el número de personas que puedes acompañar a la vez, la presentación, los idiomas, los días y el horario de trabajo y las horas de descanso que indicas aquí; tu estado (activo o en pausa), el motivo y hasta cuándo; cuántas solicitudes seguidas quedaron sin respuesta (tras tres, dejas de recibir solicitudes nuevas hasta que reanudes tu participación); tu zona horaria y tu idioma según tu perfil de Slack, para que las solicitudes, las horas de descanso y las preguntas de seguimiento se adapten a tu día y te lleguen en tu idioma; las solicitudes que recibes y tus respuestas; de cada conversación, los seudónimos y cuándo empezó y terminó; ' +
      CHECK_IN_ANSWERS +
      '; una preocupación que comuniques (tu seudónimo, el motivo y cuándo), y una preocupación que comunique sobre ti una persona a quien acompañas, en la que se te nombra; si alguien comunica una preocupación sobre una conversación y se decide separarte de la otra persona, una nota para no volver a emparejarte con ella; si moderas un círculo, que lo moderas, tu seudónimo en él y la fecha y hora de lo que escribes allí; y un registro de este consentimiento. ' +
      RELAYED,
    '*Por qué:* para proponerte conversaciones con personas del equipo que comparten una experiencia que tú has vivido, en momentos que te vengan bien, y para preguntarte cómo estás.',
    '*Quién puede verlo:* las personas coordinadoras de la iniciativa ven tu nombre, tus temas, tu presentación, tu estado, tu horario de trabajo y cuántas conversaciones tienes, pero nunca a quién acompañas ni lo que se dice; si una persona a quien acompañas comunica una preocupación, se les indica que se refiere a ti. Las personas a las que acompañas solo ven un seudónimo y tu presentación, salvo que las dos personas decidan compartir su nombre. ' +
      HR_COUNTS,
    `*Cuánto tiempo:* tu perfil se mantiene hasta que dejes de escuchar. Una conversación terminada, con sus solicitudes y respuestas de seguimiento, se borra tras ${RETENTION}, y lo mismo ocurre con una preocupación, contando desde que se comunicó. Tu zona horaria y tu idioma se actualizan desde Slack cada semana y se borran cuando ya no queda nada pendiente de enviarte. Solo se conservan cifras anónimas.`,
    `*Tu decisión:* ${VOLUNTARY}`,
    '*Cómo retirarte:* `/peer stop`, o el botón *Dejar de escuchar* de la pestaña Inicio de la app, retira este consentimiento y borra al instante tu perfil de oyente. `/peer delete-my-data` borra todo lo que guardamos sobre ti.',
  ].join('\n'),
  coordinator: [
    '*Qué guardamos:* tu ID de Slack como persona coordinadora de esta iniciativa; si te invitó alguien del equipo, la invitación (esta iniciativa, el rol, tu ID de Slack y cuándo se envió); un registro de cada vez que consultas o exportas las estadísticas de la iniciativa; si moderas un círculo, que lo moderas, tu seudónimo en él y la fecha y hora de lo que escribes allí; y un registro de este consentimiento.',
    '*Por qué:* para que puedas gestionar la iniciativa: editar su configuración, aprobar oyentes y recibir avisos de oyentes que necesitan apoyo.',
    '*Quién puede verlo:* las demás personas coordinadoras y cualquier oyente que pida hablar con coordinación. Tú nunca ves quién pide apoyo ni lo que se dice. ' +
      HR_COUNTS,
    `*Cuánto tiempo:* una invitación se borra cuando la respondes, cuando se retira o tras 14 días sin respuesta. Tu rol se mantiene hasta que te lo retiren o borres tus datos. Los registros de consulta de las estadísticas se borran tras ${RETENTION}.`,
    `*Tu decisión:* ${VOLUNTARY}`,
    '*Cómo retirarte:* `/peer delete-my-data` te quita el rol de persona coordinadora y borra todo lo que guardamos sobre ti, al instante.',
  ].join('\n'),
  hr_viewer: [
    '*Qué guardamos:* tu ID de Slack como persona de RR. HH. con acceso de consulta a esta iniciativa; la invitación que recibiste (esta iniciativa, el rol, tu ID de Slack y cuándo se envió); un registro de cada vez que consultas o exportas sus estadísticas; y un registro de este consentimiento.',
    '*Por qué:* para que puedas ver cifras anónimas de participación de la iniciativa.',
    '*Quién puede verlo:* las personas coordinadoras de la iniciativa ven quiénes son las personas de RR. HH. con acceso de consulta y cuándo se consultaron las estadísticas. Las estadísticas nunca muestran a una persona, solo cifras iguales o superiores al tamaño mínimo de grupo.',
    `*Cuánto tiempo:* la invitación se borra cuando la respondes, cuando se retira o tras 14 días sin respuesta. Tu rol se mantiene hasta que te lo retiren o borres tus datos. Los registros de consulta de las estadísticas se borran tras ${RETENTION}.`,
    `*Tu decisión:* ${VOLUNTARY}`,
    '*Cómo retirarte:* `/peer delete-my-data` te quita el acceso de consulta de RR. HH. y borra todo lo que guardamos sobre ti, al instante.',
  ].join('\n'),
  seeker_request: [
    '*Qué guardamos:* tu ID de Slack, para poder contactarte; el tema, la nota, el idioma y la preferencia de zona horaria que eliges aquí; tu zona horaria y tu idioma según tu perfil de Slack, para que las preguntas de seguimiento te lleguen a una hora razonable y en tu idioma y, si lo pides, para buscar a alguien que escuche en una zona horaria cercana; a qué oyentes se les preguntó y sus respuestas, para no preguntar dos veces a nadie; los seudónimos y cuándo empezó y terminó tu conversación; ' +
      CHECK_IN_ANSWERS +
      '; si comunicas una preocupación, el aviso (tu seudónimo, el motivo y cuándo), para que la respuesta de una persona coordinadora pueda llegarte, y si pides que no te vuelvan a emparejar con la persona que te escucha, una nota de ello; y un registro de este consentimiento. ' +
      RELAYED,
    '*Por qué:* para encontrar a una persona que escuche y que comparta esta experiencia, y para preguntarte qué tal va.',
    '*Quién puede verlo:* nadie sabe quién eres: la persona que te escucha solo ve un seudónimo y tu nota, las personas coordinadoras nunca ven quién hizo la solicitud, y ' +
      HR_COUNTS +
      ' Una preocupación que comuniques llega a las personas coordinadoras con tu seudónimo e incluye el nombre de la persona que te escucha, para que sepan a quién se refiere; una persona coordinadora puede responderte a través de la app, sin saber quién eres.',
    `*Cuánto tiempo:* cuando tu solicitud haya terminado o se haya cancelado, se conserva con los datos de su conversación y las respuestas de seguimiento durante ${RETENTION}, y después se borra junto con el registro de este consentimiento; una preocupación que comuniques se borra cuando pasa ese mismo plazo, contado desde que la comunicaste; una nota para no volver a emparejarte también se borra cuando ya no tengas ninguna solicitud. Tu zona horaria y tu idioma se actualizan desde Slack cada semana y se borran cuando ya no queda nada pendiente de enviarte. Solo se conservan cifras anónimas.`,
    `*Tu decisión:* ${VOLUNTARY}`,
    '*Cómo retirarte:* puedes terminar la conversación o cancelar la solicitud en cualquier momento, y `/peer delete-my-data` borra al instante todo lo que guardamos sobre ti.',
  ].join('\n'),
  circle_member: [
    '*Qué guardamos:* tu ID de Slack, para que te lleguen los mensajes y las propuestas de sesión del círculo; el círculo al que te uniste, cuándo te uniste y tu seudónimo en él; si decidiste compartir tu nombre con el círculo; si la moderación pausa tus mensajes, hasta cuándo; cuándo se avisó por última vez a la moderación de que quizá necesitas apoyo; tu zona horaria y tu idioma de tu perfil de Slack, para que las propuestas de sesión lleguen a una hora razonable y en tu idioma; una preocupación que comuniques (tu seudónimo, el motivo y cuándo); y un registro de este consentimiento. Lo que escribes en el círculo se transmite a sus demás miembros y nunca se guarda: solo conservamos la fecha y hora de cada mensaje, para que, si uno se edita o se borra, el cambio llegue a todas las copias.',
    '*Por qué:* para que puedas contar y escuchar en un grupo pequeño de compañeros que comparten una experiencia contigo, con una propuesta en cada sesión.',
    '*Quién puede verlo:* los demás miembros y la moderación solo ven tu seudónimo en el círculo y lo que escribes, nunca tu nombre, salvo que decidas compartirlo con el círculo. Si tus palabras hacen pensar que podrías estar en peligro, la moderación conoce tu seudónimo, nunca tu nombre ni tus palabras. La coordinación ve cuántas plazas están ocupadas, nunca quién se unió. ' +
      HR_COUNTS,
    '*Cuánto tiempo:* tu plaza en el círculo, tu seudónimo y la fecha y hora de tus mensajes se borran en cuanto lo dejas (si antes se cierra el círculo, al cumplirse ' + RETENTION + '). Una preocupación que comuniques se borra al cumplirse ' + RETENTION + ', contado desde que la comunicaste. Solo quedan cifras anónimas.',
    `*Tu decisión:* ${VOLUNTARY}`,
    '*Cómo retirarte:* *Dejar el círculo* (en el mensaje de bienvenida del círculo o con `/peer circles`) retira este consentimiento y borra tu plaza al momento. `/peer delete-my-data` borra todo lo que sabemos de ti.',
  ].join('\n'),
};

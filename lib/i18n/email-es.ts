// The emails to a patient, in Spanish (neutral, "usted"). Same keys as email-en.ts.
import type { EmailWords } from "./email-en";

export const emailEs: EmailWords = {
  lang: "es",
  hello: "Hola:",
  helloName: "Hola, {name}:",
  when: " del {date}",
  call: " Si tiene alguna pregunta, llámenos al {phone}.",
  orCopy: "O copie este enlace:",
  stopText: "Para dejar de recibir correos de {clinic}:",
  stopLink: "Dejar de recibir correos de {clinic}",
  invite: {
    subject: "{clinic}: unas preguntas antes de su visita",
    body: [
      "Antes de su visita{when}, por favor responda unas preguntas sobre su forma de correr y su rodilla. Se tarda unos 10 minutos y sus respuestas se guardan a medida que avanza.",
      "El enlace funciona durante 7 días. Primero se le pedirá su fecha de nacimiento.{call}",
    ],
    action: "Empezar las preguntas",
  },
  reminder: {
    subject: "{clinic}: recordatorio, preguntas antes de su visita",
    body: ["Su visita{when} se acerca y todavía no ha enviado sus respuestas. Lo que ya respondió está guardado; el enlace se abre donde lo dejó.{call}"],
    action: "Continuar con las preguntas",
  },
  "intake-received": {
    subject: "{clinic}: hemos recibido sus respuestas",
    body: ["Gracias: hemos recibido sus respuestas y las revisaremos con usted en su visita{when}.{call}"],
    action: "",
  },
  summary: {
    subject: "{clinic}: el resumen de su visita",
    body: [
      "El resumen de su visita{when} está listo: sus ejercicios y su plan, para leer o imprimir. Primero se le pedirá su fecha de nacimiento. El enlace funciona durante 30 días.{call}",
    ],
    action: "Abrir su resumen",
  },
  plan: {
    subject: "{clinic}: su plan entre visitas",
    body: [
      "Su enlace personal a «Mi plan»: las carreras y los ejercicios de esta semana, y un registro después de cada carrera que lleva unos 20 segundos. Le indica cuándo avanzar, repetir o descansar, y nos permite ver cómo va antes de su próxima visita.",
      "Primero se le pedirá su fecha de nacimiento. El enlace sigue funcionando hasta que termine su tratamiento con nosotros.{call}",
    ],
    action: "Abrir Mi plan",
  },
  "follow-up": {
    subject: "{clinic}: unas preguntas antes de su seguimiento",
    body: [
      "Antes de su visita de seguimiento, por favor responda unas preguntas sobre su rodilla y su forma de correr: las mismas que la última vez, para que veamos qué ha cambiado. Se tarda unos 5 minutos.",
      "Abra «Mi plan» con su enlace y elija «Responder las preguntas de seguimiento». Primero se le pedirá su fecha de nacimiento.{call}",
    ],
    action: "Abrir Mi plan",
  },
  clinic: {
    openVisit: "Abrir la visita",
    forVisit: " de una visita del {date}",
    linkLocked: {
      subject: "{clinic}: se ha bloqueado un enlace del cuestionario",
      body: "Un enlace del cuestionario{forVisit} se ha bloqueado tras demasiadas fechas de nacimiento incorrectas. El paciente no puede seguir con él. Hable con el paciente y cree un enlace nuevo desde la página de la visita.",
    },
    undeliverable: {
      subject: "{clinic}: no se pudo entregar un mensaje",
      body: "No se pudo entregar {kind}{forVisit} a la dirección del paciente. Compruebe la dirección y vuelva a enviarlo desde la página de la visita.",
    },
    kinds: {
      invite: "la invitación al cuestionario",
      reminder: "el recordatorio del cuestionario",
      "intake-received": "la confirmación de que llegaron las respuestas",
      summary: "el enlace al resumen de la visita",
      plan: "el enlace a «Mi plan»",
      "follow-up": "la solicitud de las preguntas de seguimiento",
      "clinic-link-locked": "el aviso de un enlace bloqueado",
      "clinic-undeliverable": "el aviso de un mensaje no entregado",
    },
  },
};

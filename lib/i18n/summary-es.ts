// The take-home summary in Spanish (neutral, "usted"; plain words). Same keys as summary-en.ts: a missing or
// extra key fails the type check. Numbers are passed as numbers, so they print as Spanish writes them (1,6 km).
import type { SummaryMessages } from "./summary-en";

export const summaryEs: SummaryMessages = {
  sheet: {
    title: "Resumen de su visita",
    born: "Fecha de nacimiento: {date}",
    visit: "Visita: {date}",
    clinician: "Profesional: {name}",
    margin: "{name} · visita del {date}",
    page: "Página",
    of: "de",
    signature: "Resumen {id} · versión {revision} · firmado el {signedAt} por {name} · reglas {ruleset}",
    print: "Imprimir",
    saveAsPdf: "Para guardar una copia como archivo, imprima y elija «Guardar como PDF».",
    planLinkTitle: "Mi plan en su teléfono:",
    planLinkBody: "escanee el código o abra {url}. Sus carreras, sus ejercicios y un registro después de cada carrera.",
    planLinkQr: "Código QR que abre Mi plan en su teléfono",
  },
  headings: {
    refer: "Por favor, vaya al médico",
    why: "Por qué:",
    exercisesChosen: "Ejercicios que eligió su profesional",
    notes: "Notas de su profesional",
    whatIsGoingOn: "Qué le pasa",
    exercises: "Sus ejercicios",
    stretches: "Sus estiramientos",
    everyday: "Cambios en el día a día",
    running: "Volver a correr",
    notComplete: "Este resumen aún no está terminado.",
  },
  exerciseIntro: {
    same: "Haga estos ejercicios {days, plural, =7 {todos los días} one {# día por semana} other {# días por semana}} durante {weeks, plural, one {# semana} other {# semanas}}.",
    each: "Cada ejercicio indica su propia dosis y durante cuántas semanas hacerlo.",
    cards:
      "Pase al siguiente paso que indica cada ficha cuando pueda hacer todas las series con un dolor de rodilla de 2/10 o menos y sin más dolor a la mañana siguiente, durante una semana. Hasta entonces, añada carga (una banda más fuerte o un peso, alrededor de un 2–10 % más) cuando pueda hacer 1–2 repeticiones más de las indicadas, o aguante cada vez más tiempo (hasta 45 segundos).",
    cardsOld: "Cada ficha dice cuándo avanzar y a qué ejercicio.",
  },
  card: {
    drawing: "Dibujo: {name}",
    feel: "Qué debe notar:",
    progress: "Cómo avanzar:",
    next: "Siguiente:",
    forWeeks: "{dose}, durante {weeks, plural, one {# semana} other {# semanas}}",
  },
  dose: {
    sets: "{sets, plural, one {# serie} other {# series}} de {reps}",
    setsEachSide: "{sets, plural, one {# serie} other {# series}} de {reps} con cada lado",
    holds: "{sets, plural, one {# vez} other {# veces}}, aguantando {seconds} segundos",
    holdsEachSide: "{sets, plural, one {# vez} other {# veces}} con cada lado, aguantando {seconds} segundos",
    line: "{what}, {days, plural, =7 {todos los días} one {# día por semana} other {# días por semana}}",
    stretch:
      "Mantenga {seconds} segundos, {reps, plural, one {# vez} other {# veces}} con cada lado, {days, plural, =7 {una vez al día} one {# día por semana} other {# días por semana}}",
  },
  progression: {
    nextStep: "{next}.",
    topStep: "este es el último paso; siga haciéndolo y siga añadiendo carga.",
    topStepHold: "este es el último paso; siga haciéndolo y aguante cada vez más tiempo (hasta 45 segundos).",
    next: "Pase al siguiente ejercicio ({next}) cuando pueda hacer todas las series con un dolor de rodilla de 2/10 o menos y sin más dolor a la mañana siguiente, durante una semana. {harder}",
    top: "Este es el último paso de este ejercicio: siga haciéndolo. {harder}",
    longerOrHarderHolds: "Aguante cada vez más tiempo (hasta 45 segundos) o hágalo más difícil.",
    longerHolds: "Antes de pasar al siguiente, aguante cada vez más tiempo (hasta 45 segundos).",
    addLoad: "Añada peso (una banda más fuerte o una pesa, entre un 2 y un 10 % más) cuando pueda hacer 1 o 2 repeticiones más de las indicadas.",
  },
  loaded:
    " Use una banda o un peso que cueste lo bastante para que las 2 últimas repeticiones de cada serie le resulten difíciles (unas 8 a 12 repeticiones como máximo): estos músculos midieron más débiles, y el peso es lo que los fortalece.",
  optionalStretch: " Este es opcional, un extra al fortalecimiento, que es lo importante.",
  exercises: {
    clamshell: {
      name: "Almeja",
      howTo:
        "Túmbese de lado con las rodillas dobladas y los pies juntos. Mantenga una cadera justo encima de la otra (que la de arriba no se vaya hacia atrás). Con los pies siempre juntos, suba la rodilla de arriba todo lo que le resulte cómodo y bájela despacio.",
      feel: "Trabajo y cansancio en el lateral de la cadera y en el glúteo. No en la rodilla.",
    },
    "side-lying-abduction": {
      name: "Elevación lateral de pierna",
      howTo:
        "Túmbese de lado con la rodilla de abajo doblada y una cadera encima de la otra. Con la pierna de arriba estirada y un poco hacia atrás, los dedos del pie mirando al frente, súbala unos 30 grados (uno o dos palmos), empujando con el talón. Bájela despacio.",
      feel: "Escozor en el lateral de la cadera en las últimas repeticiones. La espalda y la rodilla, sin molestias.",
    },
    "band-walk": {
      name: "Pasos laterales con banda",
      howTo:
        "Póngase una banda elástica alrededor de las piernas, por encima de las rodillas. Doble un poco las rodillas y dé pasos lentos hacia un lado, con la banda tensa y las rodillas en línea con los dedos de los pies.",
      feel: "Los laterales de las caderas trabajando mucho. Las rodillas siguen mirando al frente.",
    },
    "side-plank": {
      name: "Plancha lateral",
      howTo:
        "Túmbese de lado sobre el antebrazo, con el codo debajo del hombro. Empiece con las rodillas dobladas y suba la cadera hasta que el cuerpo quede en línea recta. Aguante y descanse. Más adelante, hágalo con las piernas estiradas.",
      feel: "Trabajo en la cintura y en el lateral de la cadera que queda abajo. Pare si le duele el hombro.",
    },
    "hip-hike": {
      name: "Elevación de cadera en un escalón",
      howTo:
        "Póngase de lado sobre el primer escalón, sobre una sola pierna y agarrándose a una barandilla o a la pared, con el otro pie colgando fuera del borde. Con las dos rodillas estiradas, deje caer un poco la cadera del lado libre y vuelva a subirla con la fuerza de la cadera de apoyo.",
      feel: "Trabajo en el lateral de la cadera de la pierna de apoyo. Movimientos pequeños y lentos.",
    },
    "single-leg-squat": {
      name: "Sentadilla a una pierna",
      howTo:
        "Póngase de pie sobre una pierna, apoyando un poco la mano en una pared o una silla si lo necesita. Doble un poco la rodilla, en línea con los dedos centrales del pie y con la cadera nivelada, y vuelva a estirarse. Baje solo hasta donde le resulte cómodo.",
      feel: "Trabajo en el muslo y el glúteo. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    bridge: {
      name: "Puente",
      howTo:
        "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo. Apriete los glúteos y suba la cadera hasta que el cuerpo quede recto de los hombros a las rodillas. Baje despacio.",
      feel: "Trabajo en los glúteos, no en la parte baja de la espalda ni detrás de los muslos.",
    },
    "single-leg-bridge": {
      name: "Puente a una pierna",
      howTo: "Póngase en posición de puente, levante un pie del suelo y, con la cadera nivelada, baje y vuelva a subir.",
      feel: "Mucho trabajo en el glúteo de la pierna apoyada. La cadera, nivelada.",
    },
    "hip-thrust": {
      name: "Empuje de cadera",
      howTo:
        "Siéntese en el suelo con la parte alta de la espalda apoyada en un banco o un sofá, las rodillas dobladas y, si tiene, un peso sobre la cadera. Suba la cadera hasta que el cuerpo quede plano como una mesa, y baje.",
      feel: "Mucho trabajo en los glúteos. Elija un peso con el que podría hacer 2 repeticiones más al final de cada serie.",
    },
    "isometric-abduction": {
      name: "Empujar las rodillas hacia fuera",
      howTo:
        "Túmbese boca arriba con las rodillas dobladas y un cinturón o una banda atada alrededor de los muslos, justo encima de las rodillas. Empuje las rodillas hacia fuera contra el cinturón con toda la fuerza que le resulte cómoda y aguante, respirando con normalidad.",
      feel: "Los laterales de las caderas trabajando. Sin dolor de rodilla; si aparece, empuje con menos fuerza.",
    },
    "band-clamshell": {
      name: "Almeja con banda",
      howTo:
        "Como la almeja, con una banda elástica alrededor de los muslos, justo encima de las rodillas. Con una cadera encima de la otra y los pies juntos, suba la rodilla de arriba contra la banda y bájela despacio.",
      feel: "La parte de atrás y el lateral de la cadera trabajando mucho en las últimas repeticiones.",
    },
    "side-plank-clamshell": {
      name: "Plancha lateral con almeja",
      howTo:
        "Túmbese de lado sobre el antebrazo, con las rodillas dobladas y una banda por encima de las rodillas. Suba la cadera a una plancha lateral corta; después abra la rodilla de arriba contra la banda y ciérrela, sin bajar la cadera.",
      feel: "Trabajo en la cadera que queda abajo y en la parte de atrás de la cadera de arriba. Pare si le duele el hombro.",
    },
    "bridge-hold": {
      name: "Puente sostenido",
      howTo:
        "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo. Apriete los glúteos, suba la cadera solo hasta donde le resulte cómodo y aguante.",
      feel: "Trabajo en los glúteos, no en la parte baja de la espalda ni en la rodilla.",
    },
    "wall-sit": {
      name: "Sentadilla corta contra la pared",
      howTo:
        "Apoye la espalda en una pared con los pies un paso por delante. Deslícese hacia abajo solo un poco (las rodillas dobladas unos 30 a 45 grados, bastante menos que un ángulo recto) y aguante.",
      feel: "La parte delantera de los muslos trabajando. Dolor de rodilla de 2 sobre 10 como mucho; si duele, quédese más arriba.",
    },
    "isometric-knee-extension": {
      name: "Empujar con la rodilla sentado",
      howTo:
        "Siéntese en una silla y enganche la parte delantera del tobillo detrás de la pata de una silla pesada, de un sofá o de una banda fija, con la rodilla doblada unos 60 grados. Empuje el pie hacia delante como si quisiera estirar la rodilla, sin moverla, y aguante.",
      feel: "La parte delantera del muslo trabajando. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    "seated-knee-extension": {
      name: "Estirar la rodilla sentado",
      howTo:
        "Siéntese en una silla con una tobillera lastrada o una banda alrededor del tobillo. Estire la rodilla solo hasta la mitad (de 90 a 45 grados), aguante 2 segundos y baje despacio. No la estire del todo.",
      feel: "La parte delantera del muslo trabajando. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    "leg-press": {
      name: "Prensa de piernas o sentadilla con más peso",
      howTo:
        "En una máquina de prensa (o con pesas en las manos para una sentadilla), doble las rodillas solo unos 45 grados y vuelva a empujar hacia arriba. Elija un peso que pueda mover 10 veces y que aún le permita hacer 2 más.",
      feel: "Mucho trabajo en los muslos y los glúteos. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    "straight-leg-raise": {
      name: "Elevación de pierna estirada",
      howTo:
        "Túmbese boca arriba con una rodilla doblada. Apriete la parte delantera del muslo de la pierna estirada, súbala hasta la altura de la otra rodilla, aguante 3 segundos y bájela despacio.",
      feel: "La parte delantera del muslo trabajando. No le debe doler la rótula.",
    },
    "sit-to-stand": {
      name: "Levantarse de la silla",
      howTo:
        "Siéntese en una silla firme con los pies separados al ancho de la cadera. Levántese sin usar las manos y vuelva a sentarse despacio. Si le duele, use un asiento más alto.",
      feel: "Los muslos trabajando. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    squat: {
      name: "Sentadilla",
      howTo:
        "De pie, con los pies separados al ancho de la cadera. Eche la cadera hacia atrás como si fuera a sentarse en una silla, solo hasta donde le resulte cómodo (para empezar, un cuarto o media sentadilla), con las rodillas sobre los dedos de los pies, y vuelva a subir. Coja un peso cuando 10 le resulten fáciles.",
      feel: "Los muslos y los glúteos trabajando. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
    "split-squat": {
      name: "Sentadilla con un pie adelantado",
      howTo:
        "Póngase de pie con un pie un paso largo por delante del otro, apoyándose en una pared o una silla si lo necesita. Baje la rodilla de atrás hacia el suelo solo hasta donde le resulte cómodo, con la rodilla de delante sobre el centro del pie, y vuelva a subir.",
      feel: "El muslo y el glúteo de la pierna de delante trabajando. Dolor de rodilla de 2 sobre 10 como mucho.",
    },
  },
  stretches: {
    "hip-flexor-stretch": {
      name: "Estiramiento de la parte delantera de la cadera",
      howTo:
        "Arrodíllese sobre la pierna que va a estirar, con una toalla doblada o un cojín bajo esa rodilla (o, si arrodillarse le duele, de pie con un paso largo y el talón de atrás levantado), con el otro pie delante. Meta el trasero hacia dentro y lleve el peso suavemente hacia delante hasta notar el estiramiento en la parte delantera de la cadera de la pierna de atrás.",
      feel: "Un tirón suave en la parte delantera de la cadera. Nunca dolor.",
    },
    "quadriceps-stretch": {
      name: "Estiramiento del muslo (cuádriceps)",
      howTo: "De pie, con una mano en la pared. Doble una rodilla y sujétese el tobillo por detrás, con las rodillas juntas y la cadera metida hacia dentro.",
      feel: "Un tirón suave por la parte delantera del muslo. Afloje si le duele la rodilla.",
    },
    "itb-stretch": {
      name: "Estiramiento de la parte de fuera de la cadera (cintilla iliotibial) (extra opcional)",
      howTo:
        "De pie, cruce por detrás de la otra la pierna que va a estirar. Lleve la cadera hacia el lado de la pierna de atrás hasta notar el estiramiento por fuera de la cadera.",
      feel: "Un tirón suave por fuera de la cadera o del muslo.",
    },
    "hamstring-stretch": {
      name: "Estiramiento de la parte de atrás del muslo",
      howTo:
        "Túmbese boca arriba y sujétese la parte de atrás de un muslo con la cadera doblada a 90 grados. Estire poco a poco la rodilla hasta notar el estiramiento detrás del muslo.",
      feel: "Un tirón suave detrás del muslo, no detrás de la rodilla.",
    },
  },
  education: {
    what: {
      "pfp-likely":
        "Lo más probable es que su dolor venga de la articulación entre la rótula y el hueso del muslo (dolor femoropatelar). Es muy frecuente en corredores y no es un daño en la rodilla. No hacen falta pruebas de imagen para diagnosticarlo.",
      "itbs-likely":
        "Lo más probable es que el dolor por fuera de la rodilla venga de la banda de tejido que recorre la parte de fuera del muslo, donde cruza la rodilla (cintilla iliotibial). Es frecuente en corredores y suele mejorar con fortalecimiento y algunos cambios en su forma de correr.",
      "tendinopathy-consider":
        "Su dolor puede venir de un tendón justo por encima o por debajo de la rótula. Su profesional lo comprobará y elegirá los ejercicios de carga adecuados para ese tendón.",
      unclear:
        "Su profesional le explicará cuál es la causa más probable de su dolor. Los consejos de abajo ayudan a la mayoría de los corredores con dolor de rodilla mientras se calma.",
    },
    loadAfterRamp: "Un dolor así suele empezar cuando se corre más de lo que el cuerpo puede asimilar, como le pasó a usted hace poco. ",
    loadUsual: "Un dolor así suele aparecer al correr más, más rápido o con más cuestas de lo que la rodilla está preparada para aguantar. ",
    loadRest: "El reposo lo calma, pero por sí solo no lo soluciona: lo que funciona es volver a correr poco a poco mientras se pone más fuerte.",
    hip: "Las personas con este tipo de dolor de rodilla suelen tener los músculos de la cadera más débiles, y fortalecer juntos caderas y muslos ayuda a que el dolor se calme.",
    borrowed:
      "La regla del dolor y el cuestionario de rodilla de este plan vienen de estudios sobre el dolor en la parte delantera de la rodilla; para el dolor por fuera de la rodilla son una guía sensata, no reglas comprobadas.",
    passive:
      "No se recomiendan tratamientos como ultrasonidos, láser o electroestimulación, ni una rodillera o una venda usada sola: lo que funciona son los ejercicios y el plan para volver a correr.",
    adjuncts:
      "Puede que su profesional le proponga un vendaje de la rótula o unas plantillas de farmacia para aliviar el dolor las primeras semanas. Ayudan junto con los ejercicios, no en su lugar.",
    expect:
      "La mayoría de las personas mejoran con estos ejercicios y con cambios en su forma de correr; valoraremos cómo va hacia las 6 semanas. Este dolor de rodilla puede volver o durar, así que siga con los ejercicios aunque note mejoría.",
  },
  activity: {
    relativeRest:
      "Siga haciendo actividad, pero solo tanto como lo permita la regla del dolor. La bicicleta (sillín alto, poca resistencia), la natación y caminar son buenas formas de mantenerse en forma mientras la rodilla se calma.",
    terrain:
      "Mientras se calma, evite correr cuesta abajo y por carreteras inclinadas hacia un lado; elija recorridos llanos (en una carretera inclinada, corra por la parte más plana o cambie de sentido a mitad del recorrido).",
    stairs:
      "En las escaleras, agárrese a la barandilla: suba primero con la pierna buena y baje primero con la que le duele, de escalón en escalón, mientras las escaleras le duelan. Vuelva a subir y bajar con normalidad cuando el dolor sea de 2/10 o menos.",
    sitting:
      "Cuando pase mucho tiempo en una silla, estire la pierna de vez en cuando, o levántese y muévase cada 30 minutos más o menos. Estar mucho tiempo sentado con las rodillas dobladas suele provocar el dolor, pero no es señal de daño.",
    squatting:
      "Por ahora, evite en lo posible ponerse en cuclillas y arrodillarse: doble las rodillas solo hasta donde le resulte cómodo y, si tiene que arrodillarse, use un cojín.",
    speed:
      "Corra entre un 10 y un 20 % más despacio de lo habitual y deje por ahora las series rápidas y las carreras. Varias salidas cortas cargan menos la rodilla que pocas salidas largas.",
  },
  cadence: {
    unknown:
      "Pruebe a dar pasos un poco más cortos y rápidos (entre un 5 y un 10 % más pasos por minuto a la misma velocidad; una aplicación de metrónomo ayuda). Antes, cuente sus pasos durante 30 segundos. Siga así solo si nota la rodilla mejor.",
    known:
      "Pruebe a dar pasos un poco más cortos y rápidos: de unos {spm} a {low}–{high} pasos por minuto a la misma velocidad (una aplicación de metrónomo ayuda). Siga así solo si nota la rodilla mejor.",
  },
  onHold: {
    line: "{reason} Hasta entonces, camine, monte en bicicleta o nade dentro de la regla del dolor y haga sus ejercicios.",
    lineNoExercises: "{reason} Hasta entonces, camine, monte en bicicleta o nade dentro de la regla del dolor.",
    flags: "En pausa hasta que su profesional revise: {titles}.",
    diagnosis: "En pausa hasta que su profesional confirme el diagnóstico.",
    physician: "No corra hasta que le haya visto un médico.",
    titles: {
      "soft.trauma-ottawa-unchecked": "una lesión o caída, con pruebas de la rodilla aún sin hacer",
      "soft.low-energy": "señales de que come poco para el ejercicio que hace",
      "soft.instability": "la rodilla que falla o la rótula que se sale",
      "soft.persistent-swelling": "hinchazón o dificultad para apoyar la pierna",
    },
    separator: "; ",
  },
  painRule: {
    trek: "Mientras corre, mantenga el dolor en 2 sobre 10 o menos. Si pasa de 2 durante una salida, deje de correr y vuelva caminando. Después de correr, el dolor debe volver a como estaba antes en menos de una hora, y a la mañana siguiente no debe estar peor.",
    "pain-monitoring":
      "Mientras corre, se acepta un dolor de hasta 5 sobre 10. Si pasa de 5 durante una salida, deje de correr y vuelva caminando. Debe calmarse antes de la mañana siguiente y no debe ir a más de una semana a otra.",
  },
  progress: {
    paused: "Correr está en pausa hasta que su profesional hable con usted.",
    "not-done": "No hecha: haga esta sesión la próxima vez.",
    advance: "Verde: pase a la siguiente sesión.",
    finished: "Verde: ha terminado el calendario. Mantenga este nivel hasta su revisión.",
    repeat: "Ámbar: repita esta sesión la próxima vez; no avance todavía.",
    pause: "Rojo dos veces: deje de correr por ahora. La clínica ya lo sabe y se pondrá en contacto con usted.",
    "step-back": "Rojo: descanse un día y luego vuelva a la sesión anterior.",
    worseMorning: "la rodilla estaba peor a la mañana siguiente",
    limped: "cojeó",
    painUnknown: "no se anotó el dolor durante la carrera",
    painRed: "un dolor de {pain}/10 durante la carrera es {limit}/10 o más",
    painAmber: "un dolor de {pain}/10 durante la carrera supera {limit}/10",
    slowSettle: "el dolor tardó más de una hora en calmarse",
    and: " y ",
    green: "Un dolor de {pain}/10 durante la carrera es {limit}/10 o menos{settled}{morning}.",
    greenSettled: ", se calmó en menos de una hora",
    greenMorning: " y no estaba peor a la mañana siguiente",
  },
  trafficLight: {
    label: "La regla del dolor como un semáforo",
    green: "Verde",
    amber: "Ámbar",
    red: "Rojo",
    trek: {
      green:
        "dolor de 2/10 o menos durante la salida, vuelve a lo normal en menos de una hora y no está peor a la mañana siguiente. Siga igual o pase al siguiente paso.",
      amber: "dolor de 3–4/10, o tarda en calmarse. Repita este paso; todavía no avance.",
      red: "dolor de 5/10 o más, cojera, o está peor a la mañana siguiente. Descanse un día y vuelva un paso atrás. Llame a la clínica si le sale rojo dos veces.",
    },
    "pain-monitoring": {
      green: "dolor de 0–2/10. Siga igual o pase al siguiente paso.",
      amber: "dolor de 3–5/10 que se calma antes de la mañana siguiente. Repita este paso.",
      red: "dolor de más de 5/10, o sigue doliendo a la mañana siguiente. Descanse un día y vuelva un paso atrás. Llame a la clínica si le sale rojo dos veces.",
    },
  },
  scales:
    "Los números del semáforo son dolor; los números de esfuerzo del calendario indican lo duro que se le hace correr, no dolor (3: puede hablar con frases completas; 4: todavía puede hablar; 5: solo unas palabras seguidas).",
  start: {
    keep: "Siga corriendo unos {km} {unit} por semana, sin pasar de ahí hasta su revisión: {spread}, entre un 10 y un 20 % más despacio de lo habitual y por terreno llano.",
    reduce:
      "Baje a unos {km} {unit} por semana{why}: {spread}, entre un 10 y un 20 % más despacio de lo habitual y por terreno llano. Vuelva a aumentar solo después de {weeks, plural, one {# semana en verde} other {# semanas en verde}}.",
    whyRamp: ", lo que corría antes de su último aumento",
    whyThird: ", más o menos un tercio menos que ahora",
    spreadMore: "repartidos en {runs} salidas más cortas (una más que ahora)",
    spreadSame: "repartidos en {runs} salidas",
    longestMinutes: "{spread}, la más larga de unos {minutes} minutos",
    longestKm: "{spread}, la más larga de unos {km} {unit}",
    usualLongest: "{longest} (su salida más larga ha sido de {km} {unit})",
    lateOnset: " Haga cada salida lo bastante corta para terminarla antes del momento en que suele empezar el dolor.",
    screenFirst:
      "Empiece la fase {phase} de caminar y correr cuando supere con su profesional las pruebas de abajo. Hasta entonces, no corra: camine (hasta llegar a 30 minutos) y haga sus ejercicios.",
    byTime: "Empiece con la fase {phase} de caminar y correr, 3 veces por semana, con un día de descanso entre medias.",
    byTimeObese:
      "La primera semana, solo tramos cortos de carrera (no más de {km} {unit} corriendo en total); después, la fase {phase} de caminar y correr; 3 veces por semana, con un día de descanso entre medias.",
    walkRun: "Empiece con la fase {phase} de caminar y correr: {first}; 3 veces por semana, con un día de descanso entre medias.",
    minutesAWeek: " A su ritmo suave, eso son unos {minutes} minutos de carrera por semana: el calendario cuenta minutos.",
    onHold:
      "Correr queda en pausa hasta que su profesional haya revisado los puntos de abajo. Siga con sus ejercicios; caminar, ir en bicicleta y nadar dentro de la regla del dolor está bien.",
  },
  progressionText: {
    onHold: "Su profesional le dará un plan para correr cuando pueda volver a hacerlo.",
    screenFirst: "Cuando haya superado las pruebas, haga cada fase de caminar y correr al menos dos veces; después, no aumente más de un {cap} % por semana.",
    walkRunTime:
      "Caminar y correr se hace por pasos: haga cada fase al menos dos veces y avance solo después de una sesión en verde. Cuando ya corra sin pausas para caminar, no aumente el tiempo de carrera más de un {cap} % por semana (una regla prudente, no un límite demostrado), y solo después de una semana en verde.",
    walkRunDistance:
      "Caminar y correr se hace por pasos: haga cada fase al menos dos veces y avance solo después de una sesión en verde. Cuando ya corra sin pausas para caminar, no aumente su distancia semanal más de un {cap} % por semana (una regla prudente, no un límite demostrado), y solo después de una semana en verde.",
    time: "Aumente por tiempo: siga los pasos del calendario y no aumente el tiempo de carrera más de un {cap} % por semana, y solo después de una semana en verde.",
    distance:
      "No aumente su distancia semanal más de un {cap} % cada semana (una regla prudente, no un límite demostrado), y solo después de una semana en verde.",
  },
  backBy: "Si todo va bien, volverá a unos {km} {unit} por semana en unas {weeks, plural, one {# semana} other {# semanas}}.",
  goalRace: {
    yourRace: "su carrera",
    noVisitDate: "Su profesional hablará con usted sobre {name} ({date}).",
    passed: "La fecha de {name} ({date}) ya ha pasado.",
    notProjected:
      "Faltan {weeks, plural, one {# semana} other {# semanas}} para {name}. Si podrá correrla depende de cómo vayan las próximas semanas: su profesional lo hablará con usted.",
    fits: "Faltan {weeks, plural, one {# semana} other {# semanas}} para {name}. Aumentando de forma segura, llegará a unos {km} {unit} por semana en unas {needed, plural, one {# semana} other {# semanas}}, antes del día de la carrera.",
    tooSoon:
      "Faltan {weeks, plural, one {# semana} other {# semanas}} para {name}. Aumentando de forma segura, el día de la carrera estará en unos {byRace} {unit} por semana, no en los {km} {unit} que busca. Hable con su profesional de una carrera más corta o más tardía; aumentar más rápido hace más probable que el dolor vuelva.",
  },
  entryTests: {
    line: "Pruebas que debe superar antes con su profesional (dolor de 2/10 o menos): {tests}.",
    passed: "{test} (superada)",
    separator: "; ",
    tests: {
      walk30Min: "Caminar 30 minutos",
      singleLegStand10s: "Aguantar 10 segundos de pie sobre la pierna que duele",
      singleLegSquat10: "10 sentadillas a una pierna",
      jogOnSpot1Min: "Trotar sin moverse del sitio durante 1 minuto",
      hop10: "10 a 15 saltos sobre la pierna que duele",
    },
  },
  units: { km: "km", mi: "mi" },
  calendar: {
    caption: "Calendario para correr: marque cada salida al hacerla",
    week: "Semana",
    runs: "Salidas (marque cada una al hacerla)",
    total: "Total de la semana",
    times: "{count} × {session}",
    weekKm: "{km} {unit}",
    weekMinutes: "{minutes} min corriendo",
    walkRunKm: "Camine {walk} min, corra {run} min; repita hasta {km} {unit}, esfuerzo {effort}/10",
    walkRunMinutes: "Camine {walk} min, corra {run} min; repita hasta {minutes} min corriendo, esfuerzo {effort}/10",
    walkRunMinutesPart:
      "Camine {walk} min, corra {run} min, {n, plural, one {una vez} other {# veces}}; luego camine {walk} min, corra {rest} min ({minutes} min corriendo), esfuerzo {effort}/10",
    runKm: "Corra {km} {unit} sin pausas para caminar, esfuerzo {effort}/10",
    runMinutes: "Corra {minutes} min sin pausas para caminar, esfuerzo {effort}/10",
    firstWeekIntervals: "Camine 2 min, corra 1 min, {times} veces ({total} min), esfuerzo 3/10",
    easyKm: "Carrera suave, {km} {unit}, por llano",
    easyMinutes: "Carrera suave, {minutes} min sin pausas para caminar, por llano",
    notes: {
      walkRun: "Un día de descanso entre sesiones. Avance solo después de un día en verde; repita la sesión después de uno en ámbar.",
      obeseFirst: "Esta semana, corra menos de {km} {unit} en total. Un día de descanso entre sesiones.",
      holdReview: "Mantenga esta distancia hasta su revisión, mientras todas las salidas sigan en verde.",
      holdReviewTime: "Mantenga este tiempo de carrera hasta su revisión, mientras todas las salidas sigan en verde.",
      holdGreen: "Mantenga esta distancia hasta tener {weeks, plural, one {# semana en verde} other {# semanas en verde}}.",
      holdGreenTime: "Mantenga este tiempo de carrera hasta tener {weeks, plural, one {# semana en verde} other {# semanas en verde}}.",
      afterReview: "Después de su revisión, y solo si todas las semanas fueron en verde: hasta un {cap} % más.",
      build: "Hasta un {cap} % más de distancia que la semana anterior, y solo después de una semana en verde.",
      buildTime: "Hasta un {cap} % más de tiempo de carrera que la semana anterior, y solo después de una semana en verde.",
    },
  },
  afterCalendar: "Después de la semana {week}, siga aumentando como mucho un {cap} % por semana. ",
  rulesLabel: "Reglas:",
  rules: {
    spread: "Reparta las salidas a lo largo de la semana; nunca dos días duros seguidos.",
    restDay: "Un día de descanso entre sesiones de caminar y correr.",
    flat: "Terreno llano; todavía nada de correr cuesta abajo.",
    swollen: "No avance si la rodilla está hinchada, rígida o le duele más.",
    shoes: "Corra con las zapatillas de siempre; no es el momento de cambiarlas.",
    shoesOld: "Sus zapatillas tienen más de 6 meses: cámbielas por el mismo modelo que ya usa.",
  },
  stop: {
    heading: "Pare y llame a la clínica si",
    headingPhone: "Pare y llame a la clínica al {phone} si",
    body: "la rodilla se le hincha, se le bloquea o le falla; el dolor le despierta por la noche o va a peor; o le sale rojo en el semáforo dos veces.",
    nextVisit: " Su próxima revisión: dentro de unas {weeks, plural, one {# semana} other {# semanas}}.",
    outcomeVisit: " Hacia las {weeks, plural, one {# semana} other {# semanas}} veremos si el plan le está funcionando.",
    careNow: "Busque atención médica enseguida",
    careNowWhen:
      " (no la clínica) si la pantorrilla se le hincha, se le pone roja o le duele al tocarla, o si le falta el aire o le duele el pecho (llame al número de emergencias); o si la rodilla se le pone caliente, roja e hinchada con fiebre, o no puede apoyar la pierna (vaya a urgencias).",
  },
  referral: {
    septic: {
      action: "Vaya a urgencias {when}.",
      why: "Una rodilla caliente, roja o hinchada con fiebre o malestar puede ser una infección de la articulación.",
    },
    dvt: {
      action:
        "Hágase ver por un médico {when}. Llame enseguida al número de emergencias si le falta el aire, le duele el pecho o tose sangre (un coágulo que ha llegado a los pulmones).",
      why: "Una pantorrilla hinchada, roja o que duele al tocarla puede ser un coágulo en una vena profunda.",
    },
    ottawa: {
      action: "Hágase una radiografía {when} (en un centro de urgencias).",
      why: "Después de su lesión, las pruebas de la rodilla indican que hay que descartar un hueso roto.",
    },
    acuteKnee: {
      action: "Vaya a una consulta de rodilla o a urgencias {when}. No fuerce la rodilla para estirarla.",
      why: "Una rodilla que se bloquea, o que se hincha mucho o poco después de una lesión, puede tener una lesión dentro de la articulación.",
    },
    femoralNeck: {
      action: "Vaya al médico {when}. No corra; camine lo menos posible; use muletas si caminar le duele. El médico le pedirá una prueba de imagen.",
      why: "En un corredor, el dolor en la ingle o en la parte delantera de la cadera puede ser una lesión por sobrecarga en la parte alta del hueso del muslo, que hay que revisar pronto.",
    },
    boneStress: {
      action: "Vaya al médico {when}. No corra; camine lo menos posible; use muletas si caminar le duele. El médico le pedirá una prueba de imagen.",
      why: "Un punto del hueso que duele al apretarlo, dolor al saltar o un dolor que le despierta pueden ser una lesión por sobrecarga del hueso.",
    },
    scfe: {
      action: "Vaya al médico {when}. Evite apoyar la pierna (use muletas) hasta que le vean.",
      why: "En una persona joven, el dolor de rodilla con un movimiento de cadera doloroso puede venir de la zona de crecimiento de la cadera.",
    },
    serious: {
      action: "Vaya a su médico {when}.",
      urgentWhen: "en los próximos días; antes si empeora",
      why: "Un dolor que le despierta, un dolor constante o perder peso sin proponérselo necesitan que un médico descarte otras causas.",
    },
  },
  referralWhen: { emergency: "ahora", "same-day": "hoy", "next-day": "hoy o mañana", urgent: "en los próximos días" },
};

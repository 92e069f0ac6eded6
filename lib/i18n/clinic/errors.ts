// The staff forms' error sentences in Spanish; the English ones are `clinicErrors` (lib/forms/messages.ts),
// which the browser and the server both format from a schema's message code and the field's label.
import type { ErrorCatalog } from "../../forms/messages";

export const clinicErrorsEs: ErrorCatalog = {
  required: "{label}: este dato es obligatorio.",
  range: "{label} debe ser un número entre {min} y {max}.",
  intRange: "{label} debe ser un número entero entre {min} y {max}.",
  choice: "{label}: elija una de las opciones.",
  maxLength: "{label} admite como máximo {max} caracteres.",
  date: "{label} debe ser una fecha real (año, mes, día).",
  dateNotFuture: "{label} no puede ser una fecha futura.",
  dateNotPast: "{label} no puede ser una fecha pasada.",
  dateRange: "{label} debe estar a menos de dos años de hoy.",
  email: "{label} debe ser una dirección de correo como nombre@ejemplo.com.",
  phone: "{label} solo admite dígitos, espacios y + ( ) -.",
  pace: "{label} debe ser un ritmo entre {min} y {max}.",
  tick: "{label}: marque la casilla.",
  invalid: "{label} no es válido.",
  minLength: "{label} debe tener al menos {min} caracteres.",
  mismatch: "{label} no coincide con la nueva contraseña.",
  totpCode: "{label}: escriba los 6 dígitos que muestra su aplicación de autenticación.",
  timeZone: "{label} debe ser el nombre de una zona horaria (región/ciudad), como America/Mexico_City o Europe/Madrid.",
  screenPass: "{label}: superar la prueba significa un dolor de {max}/10 o menos. Baje el dolor o registre la prueba como no superada.",
  decimal: ",",
};

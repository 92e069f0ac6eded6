// Field labels for the exam form and its error messages (clinician-facing).
export const examLabels: Record<string, string> = {
  bodyMassKg: "Body mass (kg)",
  "strength.hipAbduction.left.trialsN": "Hip abduction, left (N)",
  "strength.hipAbduction.right.trialsN": "Hip abduction, right (N)",
};

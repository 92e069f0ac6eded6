// The sign-in form's schema, shared by the form and next-auth's authorize().
import * as z from "zod/mini";

export const loginSchema = z.object({
  email: z.string({ error: "required" }).check(z.trim(), z.minLength(3, "required"), z.maxLength(254, "maxLength:254"), z.regex(/^[^\s@]+@[^\s@]+$/, "email")),
  password: z.string({ error: "required" }).check(z.minLength(1, "required"), z.maxLength(200, "maxLength:200")),
});

export type LoginInput = z.infer<typeof loginSchema>;

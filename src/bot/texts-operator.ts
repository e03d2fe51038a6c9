// What users and admins read about feedback and the admin tools (the rest is in texts.ts).
export const operatorTexts = {
  feedback: {
    up: "👍",
    down: "👎",
    thanks: "شكرًا لك! سجّلنا رأيك.",
  },
} as const;

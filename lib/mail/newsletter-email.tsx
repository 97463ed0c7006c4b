// The newsletter email, one template for HTML and plain text (React Email:
// its components render the table-based, inline-styled markup that mail
// clients, Outlook included, display; @react-email/render makes the text
// version from the same tree). One column, at most 600 px wide, 17 px text:
// readable on a phone without zooming.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";

export type NewsletterEmailItem = {
  title: string;
  dek: string;
  url: string;
  kind: string;
  byline: string;
  date: string;
  /** Email-ready HTML of the text the issue carries (lib/mail/email-markdown.ts). */
  bodyHtml: string;
  /** Whether bodyHtml is the whole article or only its opening. */
  whole: boolean;
  /** The lead image, sized for email (lib/media/email-image-token.ts). */
  image: { src: string; width: number; height: number; alt: string } | null;
};

export type NewsletterEmailProps = {
  publicationName: string;
  newsletterName: string;
  tagline: string;
  issueLabel: string;
  editorNote: string;
  items: NewsletterEmailItem[];
  siteUrl: string;
  webUrl: string;
  accountUrl: string;
  unsubscribeUrl: string;
};

const SANS = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const SERIF = "Georgia, 'Times New Roman', serif";
const ACCENT = "#9b1c1c";

const styles = {
  body: { backgroundColor: "#f4f1ec", margin: 0, padding: "12px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", width: "100%", padding: "24px 20px" },
  masthead: {
    fontFamily: SERIF,
    fontSize: "15px",
    letterSpacing: "0.08em",
    textTransform: "uppercase" as const,
    color: ACCENT,
    margin: 0,
  },
  title: { fontFamily: SERIF, fontSize: "30px", lineHeight: "1.2", color: "#111", margin: "4px 0" },
  meta: { fontFamily: SANS, fontSize: "14px", lineHeight: "1.5", color: "#666", margin: "0 0 4px" },
  note: { backgroundColor: "#f8f4ea", borderLeft: `3px solid ${ACCENT}`, padding: "4px 14px", margin: "20px 0 8px" },
  noteText: { fontFamily: SERIF, fontSize: "17px", lineHeight: "1.6", color: "#1f1f1f", margin: "10px 0" },
  kicker: {
    fontFamily: SANS,
    fontSize: "12px",
    letterSpacing: "0.06em",
    textTransform: "uppercase" as const,
    color: ACCENT,
    margin: "24px 0 4px",
  },
  headline: { fontFamily: SERIF, fontSize: "24px", lineHeight: "1.25", margin: "0 0 6px" },
  headlineLink: { color: "#111", textDecoration: "none" },
  leadImage: { display: "block", width: "100%", maxWidth: "600px", height: "auto", margin: "0 0 16px", border: 0 },
  dek: {
    fontFamily: SERIF,
    fontSize: "18px",
    lineHeight: "1.45",
    color: "#333",
    margin: "0 0 8px",
    fontStyle: "italic" as const,
  },
  button: {
    backgroundColor: ACCENT,
    color: "#ffffff",
    fontFamily: SANS,
    fontSize: "15px",
    borderRadius: "3px",
    padding: "10px 18px",
    textDecoration: "none",
  },
  rule: { borderColor: "#e5e0d8", margin: "24px 0 0" },
  footer: { fontFamily: SANS, fontSize: "13px", lineHeight: "1.6", color: "#666", margin: "16px 0 0" },
  footerLink: { color: "#666", textDecoration: "underline" },
};

export function NewsletterEmail(props: NewsletterEmailProps) {
  const { items } = props;
  const preview = props.editorNote.trim() || items.map((item) => item.title).join(" · ");
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview.slice(0, 140)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.masthead}>
            <Link href={props.siteUrl} style={{ color: ACCENT, textDecoration: "none" }}>
              {props.publicationName}
            </Link>
          </Text>
          <Heading as="h1" style={styles.title}>
            {props.newsletterName}
          </Heading>
          <Text style={styles.meta}>
            {props.issueLabel} · {props.tagline}
          </Text>
          <Text style={styles.meta}>
            <Link href={props.webUrl} style={styles.footerLink}>
              Read this issue on the web
            </Link>
          </Text>
          {props.editorNote.trim() !== "" && (
            <Section style={styles.note}>
              {props.editorNote
                .trim()
                .split(/\n\s*\n/)
                .map((paragraph, index) => (
                  <Text key={index} style={styles.noteText}>
                    {paragraph}
                  </Text>
                ))}
            </Section>
          )}
          {items.map((item) => (
            <Section key={item.url}>
              <Text style={styles.kicker}>
                {item.kind} · {item.date}
              </Text>
              <Heading as="h2" style={styles.headline}>
                <Link href={item.url} style={styles.headlineLink}>
                  {item.title}
                </Link>
              </Heading>
              {item.dek && <Text style={styles.dek}>{item.dek}</Text>}
              {item.byline && <Text style={styles.meta}>{item.byline}</Text>}
              {item.image && (
                <Link href={item.url}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- an email, not a page */}
                  <img
                    src={item.image.src}
                    width={item.image.width}
                    height={item.image.height}
                    alt={item.image.alt}
                    style={styles.leadImage}
                  />
                </Link>
              )}
              <div dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
              <Button href={item.url} style={styles.button}>
                {item.whole ? "Read it on the site" : "Continue reading"}
              </Button>
              <Hr style={styles.rule} />
            </Section>
          ))}
          <Text style={styles.footer}>
            You receive {props.newsletterName} from {props.publicationName}.{" "}
            <Link href={props.unsubscribeUrl} style={styles.footerLink}>
              Unsubscribe from {props.newsletterName}
            </Link>{" "}
            ·{" "}
            <Link href={props.accountUrl} style={styles.footerLink}>
              Choose your newsletters
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

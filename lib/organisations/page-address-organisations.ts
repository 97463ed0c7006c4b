// The organisations whose IP ranges hold this request's client address, for
// the decisions of the article page, search and the newsletter archive
// (BrowserContext.addressOrganisations). The address is the one the web
// server trusts (server/trusted-headers.ts puts it in X-Forwarded-For, as
// TRUST_PROXY says). When a running organisation admits the address, the
// response is declared private here, whatever the decision turns out to be,
// so that it can never be kept for another address: private, no-store, and
// neither page cache stores it (the web server also skips them for such a
// request before rendering).
import { headers } from "next/headers";
import { cache } from "react";
import type { OrganisationForAccess } from "@/lib/access/decide-access";
import { organisationGrantsAccess } from "@/lib/access/decide-access";
import { clientIp } from "@/lib/http/client-ip";
import { declarePrivatePage } from "@/lib/http/private-page";
import { organisationsOfAddress } from "./address-organisations";

export const pageAddressOrganisations = cache(async (): Promise<OrganisationForAccess[]> => {
  const organisations = await organisationsOfAddress(clientIp(await headers()));
  if (organisationGrantsAccess(organisations, new Date())) declarePrivatePage();
  return organisations;
});

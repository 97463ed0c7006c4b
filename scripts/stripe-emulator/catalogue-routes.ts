// /v1/prices and /v1/products, read-only: the catalogue is seeded at start
// (seed-catalogue.ts) and the app only looks it up, by lookup key.
import { apiRoute } from "./api-route";
import { newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { expand, list, pagination, params, retrieveParams, value } from "./param-schemas";
import { expandList, optionalBoolean, optionalString, stringList } from "./request-params";
import { noSuchResource } from "./stripe-error";

const priceListParams = params(
  { lookup_keys: list(value), active: value, product: value, type: value, expand, ...pagination },
  { notEmulated: ["created", "currency", "recurring"] },
);
const productListParams = params(
  { active: value, expand, ...pagination },
  { notEmulated: ["created", "ids", "shippable", "type", "url"] },
);

export const catalogueRoutes = [
  apiRoute("GET", "/v1/prices", priceListParams, ({ core, params }) => {
    const lookupKeys = stringList(params, "lookup_keys");
    const active = optionalBoolean(params, "active");
    const product = optionalString(params, "product");
    const type = optionalString(params, "type");
    const prices = newestFirst(core.state.prices).filter(
      (price) =>
        (lookupKeys === undefined || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
        (active === undefined || price.active === active) &&
        (product === undefined || price.product === product) &&
        (type === undefined || price.type === type),
    );
    return expandObject(core.state, listPage(prices, params, "/v1/prices"), expandList(params));
  }),

  apiRoute("GET", "/v1/prices/:id", retrieveParams, ({ core, params, ids }) => {
    const price = core.state.prices[ids[0]!];
    if (!price) throw noSuchResource("price", ids[0]!);
    return expandObject(core.state, price, expandList(params));
  }),

  apiRoute("GET", "/v1/products", productListParams, ({ core, params }) => {
    const active = optionalBoolean(params, "active");
    const products = newestFirst(core.state.products).filter(
      (product) => active === undefined || product.active === active,
    );
    return expandObject(core.state, listPage(products, params, "/v1/products"), expandList(params));
  }),

  apiRoute("GET", "/v1/products/:id", retrieveParams, ({ core, params, ids }) => {
    const product = core.state.products[ids[0]!];
    if (!product) throw noSuchResource("product", ids[0]!);
    return expandObject(core.state, product, expandList(params));
  }),
];

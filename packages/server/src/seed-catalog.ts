/** The demo data set's cast: users, namespaces and the tables whose loads keep HWMs. */
import type { GrantedRole } from './store.js'

/** A user of the demo seed. Any password works with the dummy auth provider; these are for show. */
export interface DemoUser {
  readonly username: string
  readonly password: string
  /** A superadmin when the server's `superadmins` lists them (the default with the demo seed). */
  readonly superadmin: boolean
  /** What the user may do, in words. */
  readonly roles: string
}

/**
 * The users of `seed: 'demo'`, for docs, demos and tests.
 * @example
 * ```ts
 * const { username, password } = demoUsers.find((u) => u.username === 'bob')!
 * ```
 */
export const demoUsers: readonly DemoUser[] = [
  { username: 'admin', password: 'admin', superadmin: true, roles: 'superadmin: may do everything everywhere' },
  {
    username: 'alice',
    password: 'alice',
    superadmin: false,
    roles: 'OWNER of etl_sales, etl_marketing, analytics_prod and archive_2024; DEVELOPER in sandbox',
  },
  {
    username: 'bob',
    password: 'bob',
    superadmin: false,
    roles: 'OWNER of sandbox; DEVELOPER in etl_sales and etl_marketing; GUEST in analytics_prod and archive_2024',
  },
  {
    username: 'carol',
    password: 'carol',
    superadmin: false,
    roles: 'MAINTAINER in etl_sales and analytics_prod; DEVELOPER in sandbox; GUEST in etl_marketing and archive_2024',
  },
]

export interface NamespaceSpec {
  readonly name: string
  readonly description: string
  readonly owner: string
  readonly grants: Readonly<Record<string, GrantedRole>>
  /** Live HWMs to create. */
  readonly hwms: number
  /** HWMs created, then deleted (their history stays). */
  readonly deleted: number
  /** Source schema (databases) or topic prefix of the loads. */
  readonly schema: string
  readonly tables: readonly string[]
  /** A later description, written as an "Updated" namespace history row. */
  readonly laterDescription?: string
}

export const namespaceSpecs: readonly NamespaceSpec[] = [
  {
    name: 'etl_sales',
    description: 'Nightly and hourly loads from the sales OLTP database',
    owner: 'alice',
    grants: { bob: 'DEVELOPER', carol: 'MAINTAINER' },
    hwms: 70,
    deleted: 0,
    schema: 'sales',
    tables: `orders order_items customers customer_addresses invoices invoice_lines payments refunds shipments returns
      products product_prices discounts stores regions sales_reps quotas contracts leads opportunities subscriptions
      renewals carts cart_items coupons`.split(/\s+/),
  },
  {
    name: 'etl_marketing',
    description: 'Campaign, ad and web analytics sources',
    owner: 'alice',
    grants: { bob: 'DEVELOPER' },
    hwms: 50,
    deleted: 0,
    schema: 'marketing',
    tables: `campaigns campaign_members ad_spend ad_clicks impressions email_sends email_opens email_clicks
      unsubscribes web_sessions page_views utm_sources segments audiences surveys survey_answers referrals`.split(
      /\s+/,
    ),
    laterDescription: 'Campaign, ad, e-mail and web analytics sources (owned by the marketing data team)',
  },
  {
    name: 'analytics_prod',
    description: 'Production marts: dimensions, facts, aggregates and ML features',
    owner: 'alice',
    grants: { carol: 'MAINTAINER' },
    hwms: 55,
    deleted: 0,
    schema: 'dwh',
    tables: `dim_customer dim_product dim_date dim_store fct_sales fct_returns fct_inventory fct_web_traffic
      fct_marketing_spend agg_daily_revenue agg_weekly_revenue agg_monthly_kpi agg_cohorts agg_retention
      ml_features_churn ml_scores_churn ml_features_ltv snapshot_balances`.split(/\s+/),
  },
  {
    name: 'sandbox',
    description: 'Experiments; anything here may disappear',
    owner: 'bob',
    grants: { alice: 'DEVELOPER', carol: 'DEVELOPER' },
    hwms: 25,
    deleted: 3,
    schema: 'sandbox',
    tables: 'tmp_orders test_events bob_experiment scratch_users dq_checks perf_test'.split(' '),
  },
  {
    name: 'archive_2024',
    description: 'Retired loads, kept for reference',
    owner: 'alice',
    grants: {},
    hwms: 0,
    deleted: 0,
    schema: 'archive',
    tables: [],
  },
]

/**
 * Hand-kept word lists for precision. Kept small and generic (not tuned to one page): upper-case
 * tokens that are usually not tickers, and company short names that are ordinary words.
 */

/**
 * Upper-case tokens that are English words, acronyms (finance, tech, agencies), currencies, time zones,
 * US states and media names. A listed symbol among them is never taken bare on weak context
 * (a following "shares", a price move): it needs an explicit form somewhere in the document or a
 * "shares of"/"ticker" cue. Single letters are always ambiguous and are not listed.
 */
export const AMBIGUOUS_SYMBOLS: ReadonlySet<string> = new Set(
  (
    'ABC ABLE ACT ADA ADD ADP ADR ADS AFP AGE AGO AI AID AIM AIR AK AL ALL ALSO AM AMEX AN AND ANY AP ' +
    'API APP AR ARE AREA ARM ARPU ARR ART AT AUD AUM AWAY AWS AZ BACK BAD BAND BANK BASE BBC BE BEA BEAM ' +
    'BEAT BEEN BELL BEST BETA BIG BILL BIO BIRD BLS BLUE BODY BOE BOJ BOND BOOK BOOM BOOT BORN BOSS BOTH ' +
    'BOX BRAVE BST BTC BURN BUSY BUT BUY BY CA CAD CAGR CALL CAMP CAN CAPEX CAR CARD CARE CARS CASH CAT ' +
    'CBO CBS CDC CDT CEO CET CFO CFTC CHF CIA CIO CITY CLEAR CLUB CMO CNBC CNN CNY CO COLD COME COMP COO ' +
    'COOL COPY CORE CORN CORP COST CPI CPU CREW CRO CST CSV CT CTO CURE CUT DARK DATA DAU DAY DC DE DEAL ' +
    'DEBT DEEP DIV DJI DJIA DO DOD DOE DOES DOG DOGE DOJ DONE DOOR DOT DOWN DRAW DROP EACH EARN EARTH ' +
    'EASY EAT EBIT ECB EDGE EDIT EDT ELSE EPA EPS ESG ESPN EST ET ETF ETH ETN EU EUR EV EVEN EVER EVP ' +
    'EVS EX EYE FAA FACE FACT FAIR FALL FAME FAQ FARM FAST FBI FCC FCF FDA FEAR FED FEED FEEL FERC FEW ' +
    'FIFA FILE FILM FIND FINE FINRA FIRE FIRM FISH FIT FIVE FIX FL FLAG FLAT FLEX FLOW FLY FOMC FOOD FOR ' +
    'FORM FORT FOUR FOX FREE FRESH FROM FTC FUEL FULL FUN FUND GA GAAP GAIN GAME GAS GAVE GBP GDP GE ' +
    'GEAR GET GIFT GIRL GLAD GLOBE GLOW GM GMT GO GOES GOLD GONE GOOD GOP GOT GPU GRAND GREAT GROW HAD ' +
    'HALF HALL HAND HAPPY HARD HAS HAVE HBO HE HEAD HEAR HEART HEAT HEAVY HELP HER HERE HERO HI HIDE ' +
    'HIGH HILL HIM HIRE HIS HIT HKD HKT HOLD HOME HOOK HOPE HOST HOT HOUR HOW HP HQ HR HUGE IA ID IDEA ' +
    'IF IL IMF IN INC INDU INFO INR INTO IOT IP IPO IQ IRON IRS IS ISM IT ITS JOB JOBS JOIN JPY JST JUMP ' +
    'JUST KEEP KEPT KEY KIND KING KNOW KPI KRW KS KY LA LAB LACK LAND LANE LAST LATE LBO LEAD LEAN LEFT ' +
    'LESS LIFE LIFT LIGHT LIKE LINE LINK LIST LIVE LLC LLM LOAN LOCK LONG LOOK LORD LOSS LOST LOTS LOUD ' +
    'LOVE LOW LTD LTM LUCK MA MADE MAIL MAIN MAKE MALL MAN MANY MARK MAU MAX MD MDT ME MEAL MEAN MEET ' +
    'MEN MI MILK MIN MIND MINE MISS ML MLB MN MO MODE MOM MONEY MOON MORE MOST MOVE MRR MS MST MT MTD ' +
    'MUCH MUST MY NAME NASA NATO NAV NBA NBC NC ND NDX NE NEAR NEED NET NEW NEWS NEXT NFL NH NHL NICE ' +
    'NIGHT NIH NINE NJ NLP NM NO NONE NOSE NOT NOTE NOW NPR NV NY NYSE OF OH OIL OK OLD ON ONCE ONE ONLY ' +
    'OPEC OPEN OPEX OR OS OTC OUR OUT OVER OWN PA PACE PACK PAGE PAID PAIN PAIR PARK PART PASS PAST PATH ' +
    'PBS PC PCE PDF PDT PE PEACE PEAK PEG PER PICK PINK PIPE PLAN PLAY PLC PLUG PLUS PM PMI POOL POOR ' +
    'PORT POST POWER PPI PR PRIME PRO PST PT PULL PUSH QA QOQ QUICK RACE RADIO RAIN RARE RATE RD READ ' +
    'READY REAL REIT RI RICH RIDE RIGHT RING RISE RISK ROA ROAD ROCK ROE ROI ROIC ROLE ROOF ROOM ROOT ' +
    'ROSE ROYAL RULE RUN RUSH RUT SAAS SAFE SAID SALE SAME SAND SAVE SAY SC SD SDK SEAT SEC SEE SEED ' +
    'SEEK SELF SELL SEND SEO SF SHE SHIP SHOP SHOT SHOW SIDE SIGN SING SITE SIX SIZE SKIN SLOW SMART ' +
    'SNOW SO SOFT SOIL SOL SOLD SOLE SOLID SOME SONG SOON SORT SOUL SPAC SPACE SPEED SPORT SPOT STAR ' +
    'STAY STEP STOCK STOP STORE STORY STYLE SUCH SUIT SUM SUN SUPER SURE SUV SVP SWEET TAKE TALK TALL ' +
    'TAM TANK TAPE TASK TEAM TEAR TECH TELL TEN TERM TEST TEXT THAN THAT THE THEM THEN THEY THIS THUS ' +
    'TIME TINY TN TO TODAY TOLD TOOL TOP TOTAL TOUR TOWN TPU TRADE TREE TRIP TRUE TRUST TTM TURN TV TWO ' +
    'TX TYPE UFC UI UK UN UNIT UP UPON US USA USD USED USER UT UTC UX VA VALUE VAST VERY VIEW VIX VP VR ' +
    'VT WA WAGE WAIT WAKE WALK WALL WANT WARM WAS WASH WATER WAVE WE WEAR WEEK WELL WENT WERE WHAT WHEN ' +
    'WHO WHY WI WIDE WIFE WILD WILL WIN WIND WINE WING WIRE WISE WISH WITH WOOD WORD WORK WORLD WOW WSJ ' +
    'WTO WV WY XRP YARD YEAR YES YOU YOUNG YOUR YOY YTD ZERO ZONE ' +
    // Web and forum noise.
    'CAPS CFA TMF MF MSN DOW LOL IMO IMHO FWIW TBH YOLO FOMO HODL ATH DD OP PSA TLDR ICYMI BTW FYI ASAP AKA ' +
    'RIP OMG WTF LMAO ROFL BCC CC INTL TBD TBA DIY VIP PHD MBA CPA LLP INTL NEWS MORE MENU HOME LOGIN SIGN ' +
    'ETA EOD EOW AH PR RSS URL HTML WWW APR APY SA'
  )
    .split(' ')
    .filter(Boolean),
);

/**
 * Short company names that are generic words, person names or places: matched only with a cue
 * (a corporate suffix, "shares of", the company's ticker elsewhere in the document…).
 */
export const CUE_ONLY_NAMES: ReadonlySet<string> = new Set(
  (
    'Arm Shell Booking Southern Progressive Marsh Williams Travelers Block Strategy Flex Waters Rocket ' +
    'Viking Trip Fox Fortis Dover Ball News Crown Wise Nova Crane Popular Freedom Lineage Match Compass ' +
    'Snap Elastic Kirby Mosaic Pool Enact Essent Cactus Spire Graham Integer Pattern Post Stride Interface ' +
    'People Bancorp Neutron Banner Hub Inter Vertex Happen City Alamo Porch Opera Harrow Navigator Harmonic ' +
    'Frontier Gold Universal Deluxe Root Eve Hello Quantum Enhanced Cars Noah Honest Star Orion Merlin ' +
    'Outdoor Meridian Commerce Citizens Perfect Eastern Joint Team Here Sound Arena Grande Genius Aware Fold ' +
    'Coffee Vantage Click Avalon Lion Intelligent Highway Capstone Cheer Founder Glimpse Target Gap Cooper ' +
    'Box Sea Amaze Decent Lakeside Stem Seer Solana Sui Bonk Tron Bullish Strive Dave Megan Marcus Rogers ' +
    'Hawkins Lindsay Kemper Sinclair Seaboard Equitable Everest Acuity Hippo Employers Sabre Clearfield ' +
    'Fluent Escalade Celsius Reliance Dow Nasdaq Morningstar Strategy Toast Affirm Ensign Lear ' +
    'Carlisle Polaris Grab Chewy Crocs Evolus Insight Figure Circle Gemini Apollo Atlas Summit Pinnacle ' +
    'Phoenix Genesis Horizon Liberty Pioneer Premier Vital Pure Core Alpha Beta Delta Omega Sigma Triumph ' +
    'Guardian Sentinel Legacy Heritage Fidelity Unity Harmony Spirit Patriot Eagle Falcon Titan Mercury ' +
    'Apex Vista Zenith Ascent Catalyst Element Fusion Nexus Origin Quest Echo Wave Signal Frontline Post ' +
    'Herc Hilltop Cadre Root Oppenheimer Hackett Ennis Regis Brady Donaldson Graco Loar Chemed Genesco ' +
    'Andersen Andersons Kennametal Hayward Lazard Knowles Marcus Biglari Kforce Westwood Rafael Vince Venu ' +
    'Culp Koss Snail Intrusion Avalon Lion Dreamland Springview Toppoint Highway Northann Founder Lakeside ' +
    'Braze Matson Alight Kardigan Happen Chagee Absci Stepan Everforth Forbright Employers Hello Quantum ' +
    'Marygold Massimo Gamehaus Beeline Presurance Fathom Perpetuals Smartbird Lifeward Coffee Zenta Vantage ' +
    'Triller Primech Bloomia Click Algorhythm Intelligent Capstone Cheer Onfolio Amaze Greenlane Profusa ' +
    'Legence Centuri Expro Energys Dynamix Texxon Mediaco Usio Solesence Teads Alset Clene Tuniu Stem ' +
    'Sound Arena Nephros Aether Brera Virtuix Youlife Elutia Scilex Southland Grande Inno Beneficient ' +
    'Genius Giftify Katapult Aware Fold Celularity Pulsenmore Huize Bonk Dogness Pluri Raytech Vyome ' +
    'Armlogi Linkhome Nvni Inuvo Sadot Ainos Peraso Worksport Kaixin Fenbo Taoping Volato Veea Agroz ' +
    'Delixy Haoxin Decent Cyabra Intelligent Sentage Eshallgo Addentax Sono Boxlight Rubico Nocera ' +
    'Globavend Akanda Yimutian Vivakor Jiuzi Glimpse Adapti Heartbeam Nusatrip Megan Sea Box ' +
    'Toro Pool Crown Cars Honest Star Orion Merlin Outdoor Meridian Commerce Citizens Perfect Eastern ' +
    'Joint Team Here Interface Cactus Spire Graham Integer Pattern Stride People Neutron Banner Hub Inter ' +
    'Vertex City Alamo Porch Opera Harrow Navigator Harmonic Frontier Gold Universal Deluxe Eve Noah ' +
    'Quantum Root Mosaic Kirby Elastic Snap Compass Match Lineage Freedom Popular Nova Wise Expand Outlook ' +
    'Firefly Bloom Progress Amplify Connect Frequency Freight Distribution Information Advantage Innovate ' +
    'Mercantile Standard Regions Benchmark Kelly Miller Equity Washington Innovation Construction Park Air ' +
    'Advanced Medical General Service Power Research Next Design Capital International China Home Zoom ' +
    'Jefferies Evercore Piper Stifel Raymond Cowen Lazard Moelis Houlihan'
  ).split(' '),
);

/**
 * Short company names that are ordinary English words but, capitalised in running prose, almost always
 * mean the company ("shares of Apple", "Visa and Mastercard"). In a Title Case headline or an ALL-CAPS
 * line they need a cue.
 */
export const MIDSENTENCE_NAMES: ReadonlySet<string> = new Set(
  (
    'Apple Amazon Visa Oracle Caterpillar Snowflake Coherent Carnival Xylem Tapestry Affirm Toast Ensign Grab ' +
    'Polaris Lear Chewy Crocs Brookfield Corning Ball Waters Booking Progressive Marsh Travelers Williams ' +
    'Garmin Timken Fossil Energizer Dropbox Mosaic Insight Unity Block Target'
  ).split(' '),
);

/**
 * One-word names that other listed companies also use as a word (so the build marks them generic)
 * but that on their own mean one company: always matched.
 */
export const DISTINCTIVE_NAMES: ReadonlySet<string> = new Set(
  (
    'Eaton Cummins Nike Humana Hershey Hubbell Equifax Woodward Carlisle Invesco Alcoa Moog Ciena Terex ' +
    'Fastenal Sysco Expedia Copart Zoetis Bunge Markel Lennar Textron Masco Saia Qorvo Etsy Lyft Zillow ' +
    'Mattel Hasbro Clorox Pinterest Wayfair Kroger Salesforce Samsara Wingstop Sonos Yelp Chegg Groupon Roku ' +
    'Okta Twilio Datadog Cloudflare Shopify Netflix Tesla Intel Microsoft Boeing Pfizer Starbucks Adobe ' +
    'Comcast Workday Medtronic Stryker Chubb Ventas Illumina Biogen Centene Baidu Reddit Roblox Loews Unum ' +
    'Rollins Leidos Gartner Aramark Trimble Hexcel Fluor Pentair Cognex Gentex Whirlpool Xerox Perrigo ' +
    'Herbalife Coty Funko Zumiez Mastercard Walmart Broadcom Chevron Novartis Linde Citigroup Amphenol ' +
    'Prologis Unilever Newmont Altria Enbridge Airbnb Fortinet Sanofi Equinix Carvana Vertiv Intuit Barclays ' +
    'Cintas Ecolab Lumentum Synopsys Ferrari Cigna Nucor Moderna Autodesk Diageo Entergy Exelon Paychex ' +
    'Corteva Medline Celestica Vodafone Alibaba Sony Ericsson Ryanair Nomura Ameren Emera Westlake Carlyle ' +
    'Costamare Teekay Tidewater Astronics Sprott Mesoblast Lucid Sasol Cemex Movado Coca-Cola Blackstone ' +
    'Duolingo Qualcomm Regeneron Gilead Novavax Inovio Altimmune Peloton Lemonade Paylocity Ingredion Medpace'
  ).split(' '),
);

/** Well-known brand or short names that the listing names do not contain. */
export const BRAND_ALIASES: Readonly<Record<string, string>> = {
  Google: 'GOOGL',
  Facebook: 'META',
  Meta: 'META',
  Nvidia: 'NVDA',
  JPMorgan: 'JPM',
  'JPMorgan Chase': 'JPM',
  'J.P. Morgan': 'JPM',
  Berkshire: 'BRK.B',
  'Berkshire Hathaway': 'BRK.B',
  ExxonMobil: 'XOM',
  'Exxon Mobil': 'XOM',
  Exxon: 'XOM',
  'Eli Lilly': 'LLY',
  Lilly: 'LLY',
  'Johnson & Johnson': 'JNJ',
  'Procter & Gamble': 'PG',
  'AT&T': 'T',
  Verizon: 'VZ',
  'Goldman Sachs': 'GS',
  Goldman: 'GS',
  'Morgan Stanley': 'MS',
  'Wells Fargo': 'WFC',
  Citi: 'C',
  'Bank of America': 'BAC',
  'General Motors': 'GM',
  'Ford Motor': 'F',
  Ford: 'F',
  Disney: 'DIS',
  'Walt Disney': 'DIS',
  McDonald: 'MCD',
  "McDonald's": 'MCD',
  'Coca-Cola': 'KO',
  Comcast: 'CMCSA',
  PepsiCo: 'PEP',
  'Home Depot': 'HD',
  "Lowe's": 'LOW',
  Costco: 'COST',
  'Dr Pepper': 'KDP',
  'Estee Lauder': 'EL',
  'Estée Lauder': 'EL',
  'Ulta Beauty': 'ULTA',
  Ulta: 'ULTA',
  "Kohl's": 'KSS',
  "Macy's": 'M',
  'Taiwan Semiconductor': 'TSM',
  TSMC: 'TSM',
  'Thermo Fisher': 'TMO',
  'Quest Diagnostics': 'DGX',
  'Archer Daniels Midland': 'ADM',
  'Archer-Daniels-Midland': 'ADM',
  'Monster Beverage': 'MNST',
  'Trade Desk': 'TTD',
  'Monday.com': 'MNDY',
  UnitedHealth: 'UNH',
  'Philip Morris': 'PM',
  Raytheon: 'RTX',
  'Lockheed Martin': 'LMT',
  'Northrop Grumman': 'NOC',
  'General Dynamics': 'GD',
  'American Express': 'AXP',
  'Charles Schwab': 'SCHW',
  Schwab: 'SCHW',
  BlackRock: 'BLK',
  'Palo Alto Networks': 'PANW',
  CrowdStrike: 'CRWD',
  ServiceNow: 'NOW',
  'Super Micro': 'SMCI',
  Supermicro: 'SMCI',
  Micron: 'MU',
  Qualcomm: 'QCOM',
  'Texas Instruments': 'TXN',
  'Dollar General': 'DG',
  'Dollar Tree': 'DLTR',
  'Best Buy': 'BBY',
  Dell: 'DELL',
  Uber: 'UBER',
  PayPal: 'PYPL',
  Robinhood: 'HOOD',
  Coinbase: 'COIN',
  Palantir: 'PLTR',
  Rivian: 'RIVN',
  Salesforce: 'CRM',
  // Everyday short names that the listing names do not yield.
  Chipotle: 'CMG',
  Lululemon: 'LULU',
  'AB InBev': 'BUD',
  'Anheuser-Busch': 'BUD',
  'Bristol Myers': 'BMY',
  'Bristol-Myers': 'BMY',
  'Bristol Myers Squibb': 'BMY',
  'Bristol-Myers Squibb': 'BMY',
  'J&J': 'JNJ',
  'P&G': 'PG',
  Walgreens: 'WBA',
  'Southwest Airlines': 'LUV',
  'Delta Air Lines': 'DAL',
  'United Airlines': 'UAL',
  'American Airlines': 'AAL',
  'Kraft Heinz': 'KHC',
  AbbVie: 'ABBV',
  'CVS Health': 'CVS',
  'Hewlett Packard Enterprise': 'HPE',
  'Wells Fargo & Co': 'WFC',
  'BNY Mellon': 'BNY',
  'Charles River': 'CRL',
  'Dick’s Sporting Goods': 'DKS',
  "Dick's Sporting Goods": 'DKS',
  'Tyson Foods': 'TSN',
  'General Mills': 'GIS',
  'Kimberly-Clark': 'KMB',
  'Colgate-Palmolive': 'CL',
  Colgate: 'CL',
  'Fifth Third': 'FITB',
  'Capital One': 'COF',
};

"""The rules of extraction as data: speech verbs, titles, organization words, honorifics and the like."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of text."""
    return frozenset(text.split())


# Verbs that introduce reported speech, in every tense a news article uses.
SPEECH_VERBS = words("""
    said says say saying told tells tell telling added adds adding stated states explained explains
    noted notes noting wrote writes writing testified testifies asked asks replied replies answered
    responded responds argued argues arguing insisted insists warned warns warning cautioned claimed
    claims declared declares announced announces acknowledged acknowledges admitted admits recalled
    recalls remarked remarks observed observes commented comments continued continues concluded
    suggested suggests urged urges tweeted posted reported reports confirmed confirms denied denies
    predicted predicts conceded concedes emphasized emphasised emphasizes emphasises stressed stresses
    countered counters quipped quips joked jokes shouted yelled whispered complained complains boasted
    vowed vows promised promises pledged pledges recounted recounts mused reiterated reiterates affirmed
    assured lamented laments agreed agrees objected protested exclaimed explaining arguing adding
    describing described describes wrote announced says
""")

# Verbs whose quoted object is a name, not speech ("dubbed the “X”").
NAMING_WORDS = words("dubbed nicknamed so-called titled named branded labelled labeled entitled known called")

# Speech verbs that may stand after the quote with the speaker before them ("…,” Smith said).
ATTRIBUTION_PREPOSITIONS = words("in on at to during after before from with via by of about")

# Titles and ranks that stand before a name and are not part of it.
TITLE_WORDS = words("""
    President Vice Prime Minister Secretary Director Chief Adviser Advisor Ambassador Senator Sen. Rep.
    Representative Gov. Governor Mayor Judge Justice General Gen. Col. Lt. Maj. Capt. Sgt. Adm. Admiral
    Commander Cmdr. Colonel Lieutenant Major Captain Sergeant Corporal Professor Prof. Dr. Doctor Sir Dame
    Lord Lady King Queen Prince Princess Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh Chairman
    Chairwoman Chair Chancellor Premier Speaker Leader Commissioner Spokesman Spokeswoman Spokesperson
    Attorney Prosecutor Inspector Superintendent Coach Manager Envoy Deputy Assistant Associate Senior
    Editor Detective Constable Marshal Sheriff Dean Pres. Treasurer Councillor Councilman Councilwoman
    Congressman Congresswoman Chieftain Emir Crown Ayatollah President-elect Vice-President Rev. Reverend
    Father Brother Sister Officer Agent Private Pvt. Cpl. Gov Sen Rep Secretary-General Director-General
    Taoiseach Tánaiste Tanaiste Sultan Sheikha Mufti Patriarch Alderman Alderwoman Assemblyman Assemblywoman
    Assemblymember Magistrate Attorney-General Solicitor-General Governor-General Vice-Chancellor Mayor-elect
    Prof Cllr Cllr. Coun. Supt Insp Ch Datuk Dato' Dato’ Datin Hon. Alhaji Alhaja Alhajia Hajjah Mzee
    Hajiya Hajia Engr Engr. Comrade Rt. Rt
""")

# Title words that head a role ("Fisheries Minister", "Secretary of Labor") and end a title run.
TITLE_HEADS = words("""
    President Minister Secretary Director Chief Adviser Advisor Ambassador Senator Sen. Rep. Representative
    Gov. Governor Mayor Judge Justice General Gen. Col. Lt. Maj. Capt. Sgt. Adm. Admiral Commander Cmdr.
    Colonel Lieutenant Major Captain Sergeant Corporal Professor Prof. Dr. Doctor Sir Dame Lord Lady King
    Queen Prince Princess Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh Chairman Chairwoman Chair
    Chancellor Premier Speaker Leader Commissioner Spokesman Spokeswoman Spokesperson Attorney Prosecutor
    Inspector Superintendent Coach Manager Envoy Editor Detective Constable Marshal Sheriff Dean Treasurer
    Councillor Congressman Congresswoman Emir Ayatollah President-elect Vice-President Rev. Reverend
    Officer Agent Secretary-General Director-General Pvt. Cpl. Executive Counsel Administrator Prof Cllr Supt Insp
    Cllr. Coun.
""")

# Courtesy titles; they are dropped from names and give a gender.
HONORIFICS = {"Mr": "m", "Mr.": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f", "Ms.": "f", "Miss": "f",
              "Dr": "", "Dr.": "", "Sir": "m", "Dame": "f", "Madam": "f", "Mister": "m"}

# Titles of honour before a name that say nothing of a job ("Datuk Seri X", "Alhaja Y", "Hon. Z").
STYLES = words(
    "Datuk Dato Dato' Dato’ Datin Seri Tan Sri Hon Hon. Alhaji Alhaja Alhajia Haji Hajjah Mzee Hajiya Hajia Engr Engr."
    " Comrade Rt. Rt"
)
# Words that are titles only before a given name ("Hon Jane Smith", "Haji Mohammed", "Advocate Wim Trengove"), and
# else a name's or a company's first word ("Hon Hai", "Haji Manara", "Advocate Health", "Pastor Maldonado").
TITLES_BEFORE_GIVEN = words("Hon Haji Dato Advocate Pastor")

# Lowercase nouns that name a job or a standing ("adviser", "spokesman"); agent nouns in -er/-or count too.
ROLE_NOUNS = words("""
    adviser advisor official spokesman spokeswoman spokesperson president minister secretary
    director chief
    executive officer chairman chairwoman chair head leader envoy ambassador diplomat lawyer attorney
    counsel aide analyst economist researcher scientist professor lecturer student editor reporter
    correspondent journalist columnist commentator founder co-founder cofounder owner partner member
    senator governor mayor judge justice prosecutor general colonel commander captain sergeant admiral
    officer agent detective inspector coach manager captain player star striker midfielder defender
    goalkeeper forward batsman bowler pitcher quarterback champion rival candidate nominee activist
    campaigner organizer organiser expert consultant strategist administrator deputy counselor counsellor
    negotiator premier chancellor secretary-general director-general governor-general attaché attache
    representative delegate commissioner superintendent principal dean rector provost president-elect
    doctor physician surgeon nurse engineer architect designer artist singer actor actress rapper musician
    author writer novelist poet director producer filmmaker boss chief-executive ceo cfo coo cto veteran
    survivor witness victim resident spokesperson treasurer trustee governor lieutenant private
    specialist pilot astronaut fellow historian economist substitute winger keeper referee umpire
    midfielder teammate rookie goalscorer scorer hydrologist glaciologist geologist chemist physicist
    biologist epidemiologist psychologist sociologist oceanographer meteorologist seismologist farmer
    teacher winner runner swimmer planner bidder programmer drummer priest pastor firefighter paramedic
    soldier sailor marine spy chef judge clerk auditor accountant assistant attendant merchant
    master harbormaster headmaster headmistress postmaster fisherman fisherwoman policeman policewoman
    congressman congresswoman councilman councilwoman businessman businesswoman chairperson foreman
    shopkeeper landlord landlady steward stewardess guide ranger warden monk nun imam rabbi cleric bishop
    seamstress waitress longshoreman midwife guard bodyguard lifeguard janitor cashier cook maid mp mep msp cio
""")

# Words in -er/-or/-ist/-ian that do not name a job: comparatives, adverbs and common nouns.
NOT_AGENT_NOUNS = words("""
    former latter other another whether rather either neither further together however never ever over
    under after later earlier better bigger cheaper closer deeper easier faster fewer greater harder
    higher larger lesser longer louder lower nearer newer older poorer quicker richer safer shorter
    slower smaller smarter stronger sooner taller tougher warmer weaker wider worse younger clearer
    number water power paper order border letter matter center winter summer river computer weather
    corner chapter quarter disaster character answer danger finger shelter cancer tower meter dinner
    offer transfer barrier error color colour floor door factor sector motor mirror horror terror labor
    labour honor honour favor favour vapor tumor rumor rumour minor major interior exterior superior
    inferior senior junior monitor corridor calendar register theater theatre filter cluster member
    timber fiber fibre cover silver copper lever trigger hunger anger laughter thunder ladder dollar
    pillar radar solar polar nuclear regular popular similar particular muscular christian indian
    vaster roster canister monster hamster oyster lobster semester sinister poster toaster luster lustre
    muster booster blockbuster bolster holster
    median guardian civilian canadian italian australian brazilian asian russian egyptian iranian
    syrian nigerian
""")

# Plural or generic nouns for sources who are not named: their quotes get no speaker.
UNNAMED_SOURCES = words("""
    source sources official officials analyst analysts expert experts researchers author authors
    witness witnesses diplomat diplomats spokesman spokeswoman spokesperson police critics observers
    economists scientists investigators aide aides insider insiders residents people person someone
    observer critic economist scientist investigator officer officers lawmakers legislators activists
    campaigners protesters protestors organizers organisers doctors experts commentators traders
    executives representatives employees workers staff members prosecutors diplomats negotiators
    lawyers attorneys rescuers officers soldiers troops teachers parents students fans voters
    historians scholars authorities regulators supporters opponents agencies
""")

# Organization words that make a capitalized name an organization ("Regional Water Council").
ORG_HEADS = words("""
    Council Ministry Department Agency Authority Administration Commission Committee Office Bureau
    Service Services Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC PLC Plc plc AG SA GmbH NV
    Group Holdings Systems Technologies Technology Airlines Airline Airways Bank Fund University College
    Institute Academy Party Army Navy Forces Force Guard Guards Police Federation Association Union League
    Organisation Organization Nations Court Parliament Congress Senate House Assembly Journal Gazette Times
    Post Herald Tribune Telegraph Chronicle News Television TV Radio Press Foundation Trust Society Centre
    Center Robotics Aerospace Machines Platforms Motors Industries Energy Pharmaceuticals Pharma Labs Laboratories
    Network Networks Media Partners Capital Exchange Club FC Team Express Dynamics Electric Atomics Board
    Semiconductors Semiconductor Chemicals Materials Resources Brands Foods Products Electronics Instruments
    Minerals Metals Mining Petroleum Steel Biotech Therapeutics Sciences Healthcare Properties Realty Hotels
    Resorts Stores Markets Financial Reserve Software Aviation Shipping Airport Utilities Refining Textiles
    Rovers Wanderers Rangers Athletic Albion Hotspur United City Town Celtic Olympique Dynamo Sporting
    Directorate Cabinet Command Corps Brigade Secretariat Tribunal Studios Entertainment Communications
    Telecom Railways Railway Hospital Clinic School Agencies Enterprises Ventures Solutions Logistics
    Securities Insurance Bancorp Investments Associates Consulting Institution Observatory Laboratory
    Elementary Surveyors Solicitors Architects Accountants Chambers Limited Holding Groep Gruppe Groupe Shoji Berhad
    Bhd Tbk SpA Pty
    Coalition Alliance Movement Front Caucus Government Regime Junta Mission Embassy Consulate Municipality
    Bundestag Duma Knesset Commons Lords Cortes Legislature Secretariat Programme Service Agency Magazine
    Weekly Daily Review Reuters Bloomberg Cooperative Conservancy Initiative Council Federation Confederation
    Democrats Republicans Liberals Conservatives Socialists Greens Tories Communists Nationalists Unionists
    Museum Museums Planetarium Aquarium Gallery Galleries Library Conservatory Conservatoire Orchestra
    Philharmonic
    Lines Works Tools Freight Cargo Trucking Transport Transit Shipyard Shipyards Brewery Breweries
    Brewing Distillery Bakery Bakeries Farms Dairy Supply Supplies Equipment Outfitters Manufacturing
    Construction Builders Contractors Packaging Plastics Lumber Apparel Furniture Pharmacy
    Insights Diagnostics Biosciences Biologics Genomics Microsystems Automation Payments
    Liga Ligue División Divisão Kazhagam Katchi Advisory Centers Centres Energie
    Forum Syndicate
""")

# Words of a cause or a help that end a group's name after a faith or a place ("Christian Aid", "Islamic Relief").
CAUSE_WORDS = words("""
    Aid Relief Action Care Concern Voice Voices Brothers Sisters Solidarity Outreach Response Rescue Watch Welfare
    Fellowship Ministries Charities Hope Vision Help Unity Justice Peace Freedom Liberty Heritage Witness Youth
""")

# Plural nouns for people that name a group when "for" or "of" and a name follow ("Americans for Prosperity",
# "Friends of the Earth", "Doctors Without Borders" aside).
GROUP_HEADS = words("""
    Americans Citizens Parents Mothers Fathers Families Friends Doctors Physicians Nurses Scientists Veterans
    Students Women Lawyers Teachers Engineers Christians Catholics Muslims Jews Democrats Republicans Taxpayers
    Voters Neighbors Neighbours Residents Workers Farmers Artists Musicians Athletes Patients Clergy Moms Dads
    Grandparents Survivors Advocates Defenders Partners Alliance Coalition Campaign Committee
""")

# Organization words that may be followed by "of" + a name ("Department of Fisheries").
ORG_OF_HEADS = words("""
    Council Ministry Department Agency Authority Administration Commission Committee Office Bureau Bank
    University College Institute Academy Party Army Navy Forces Force Federation Association Union League
    Organisation Organization Court House Journal Centre Center Board Directorate Command Corps Secretariat
    Tribunal School Society Foundation Chamber Institution Coalition Alliance Government Embassy Consulate
    Ministries Conference Parliament Assembly Senate Congress Service Services Guard Police Church Order
    Museum Gallery Library Confederation Fund Trust Network Syndicate Guild Observatory Laboratory Centers Centres
""")

# Company suffixes: an organization even when a title follows ("Acme Inc Chief Executive").
COMPANY_SUFFIXES = words("""
    Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC PLC Plc plc AG SA GmbH NV Holdings Group Limited Holding
    Groep Gruppe Groupe Grupo Shoji Berhad Bhd Tbk SpA BV Pty
""")

# Common nouns that, placed before or after a name, make it an organization ("drone maker X").
ORG_CLASS_NOUNS = words("""
    company companies firm firms maker makers manufacturer manufacturers carrier carriers airline airlines
    group giant startup start-up rival supplier lender bank insurer retailer broadcaster newspaper
    newspapers agency outlet network operator developer contractor conglomerate automaker carmaker
    plane-maker planemaker chipmaker producer club team brand subsidiary unit regulator charity
    organization organisation outfit channel station publisher fund exchange platform label studio
    magazine tabloid daily website union body watchdog television broadcaster radio newswire wire
    consortium alliance party ministry department council agency coalition provider business businesses
    corporation corporations venture ventures miner shipper shipbuilder insurer operator distributor consultancy
    brokerage nonprofit non-profit think-tank chain
""")

# Anaphors for an organization named just before ("the company said").
ORG_ANAPHORS = words("""
    company firm agency ministry department group airline carrier maker manufacturer organization
    organisation council government administration bank club team party network broadcaster newspaper
    startup business regulator committee commission authority office army navy institute university
    embassy federation association union foundation charity court police service confederation centre center
""")

# Kinds of body whose possessive points back to one named before ("the museum's director"), though the bare word
# before a job names a trade ("a museum curator", "fund manager").
OWNER_ANAPHORS = ORG_ANAPHORS | words(
    "museum fund hospital school college trust library gallery orchestra forum coalition alliance society league"
)

# Words that never belong to a person's name.
NON_NAME_WORDS = words("""
    The A An This That These Those His Her Its Their Our My Your He She It They We I You Who What When
    I'd I'll I'm I've I’d I’ll I’m I’ve
    Where Why How Which Mr Mrs Ms And But Or Nor For Yet So If As At By In On Of To Up Not No Yes All Any
    Some Many Most More Much Such Each Every Both Either Neither Other Another Than Then There Here
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    National International Federal Royal Central United Commercial General State States Public Global
    World Republic Democratic Republican Democrat Democrats Republicans Islamic Christian Muslim Jewish
    Catholic Protestant Orthodox Communist Socialist Liberal Conservative Labour Green Greens Party
    North South East West Northern Southern Eastern Western Central Upper Lower New Old Great Grand Holy
    Saint St St. Mount Lake River Sea Ocean Island Islands Gulf Bay Cape Port Fort
    Internet Web Twitter Facebook Instagram God Allah Christmas Easter Ramadan Eid Hajj Diwali Hanukkah
    Passover Olympics Olympic Games Cup Finals Final Open Championship Championships Series League
    Week Day Night Morning Evening Afternoon Year Month Today Tomorrow Yesterday Covid COVID Coronavirus
    AM PM GMT UTC EST EDT PST PDT BST CET
""")

# Common Chinese family names in pinyin, which a given name that is also an English word may follow ("Liu He").
CHINESE_FAMILY_NAMES = words("""
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song
    Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Ding Ren Lu Yao
    Shen Zhong Cui Tan Fan Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan Duan Lei
    Long Shao Qian Mao Wan Gu Lai Kong Hao Kang Xi
""")

# Common Vietnamese family names, and the middle names that follow one in a name written family name first
# ("Tran Thi Mai", "Nguyễn Văn An"), so that "Ms. Tran" is that person.
VIETNAMESE_FAMILY_NAMES = words("""
    Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Trinh Dinh Truong Mai Cao Lam Ha
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Trương Lâm Hà
""")
VIETNAMESE_MIDDLE_NAMES = words("""
    Van Thi Minh Duc Huu Ngoc Quoc Thanh Xuan Kim Dinh Cong Quang Anh Hong Bao Gia Manh Tuan Thu
    Văn Thị Đức Hữu Ngọc Quốc Thành Xuân Đình Công Hồng Bảo Mạnh Tuấn
""")

# Words of NON_NAME_WORDS that are also common surnames: the last word of a name that opens with a given name
# ("Paul Green", "Kanye West", "Doris Day").
SURNAMES_ALSO_WORDS = words("""
    Green West North South East Day Mount Christmas Royal
""")

# Sentence-initial words that are capitalized only because they open a sentence.
SENTENCE_STARTERS = words("""
    The A An This That These Those His Her Its Their Our My Your He She It They We I You Who What When
    Where Why How Which And But Or Nor For Yet So If As At By In On Of To With From Into After Before
    While Although Though Because Since Until Unless Once When Whenever Where Wherever Whether However
    Meanwhile Moreover Furthermore Also Still Even Only Just Then Now Later Earlier Last Next First
    Second Third Finally Instead Indeed Already Again Afterward Afterwards Overall Despite During Under
    Over Among Amid Between Against About Around Across Along Through Throughout Without Within Beyond
    Former Some Many Most More Much Such Each Every Both Either Neither Other Another Several Few All Any
    No Not Here There Today Yesterday Tomorrow Tonight Asked According Speaking Describing Discussing
    Estimates Photos Construction Areas Representatives Almost Nearly About Half Two Three Four Five
    Six Seven Eight Nine Ten One Officials Analysts Experts Police Sources Critics
    Researchers Authors Residents Witnesses Such Like Unlike Regardless Whatever Following Including
""")

# Nouns after a capitalized name that make it a thing, not a person or organization ("Sky Falcon drone").
THING_NOUNS = words("""
    vehicle lander rover rocket spacecraft satellite probe telescope mission program programme project
    jet jets aircraft plane planes airliner airliners helicopter drone drones ship ships vessel submarine
    tank tanks missile missiles system systems model models phone phones device devices app software
    engine engines car cars truck trucks train trains prison jail camp hotel stadium arena bridge tower
    building airport port station square street road highway mosque church cathedral temple palace
    museum festival award prize trophy tournament cup series event show exhibition fair summit treaty
    accord agreement act law bill plan doctrine initiative operation offensive war crisis scandal
    storm hurricane typhoon virus vaccine drug variant reactor pipeline field mine dam canal reservoir
    centre center court courts venue park forest desert valley mountain river lake island coast sea
""")

# Final words that make a name a natural feature, though a few are surnames after a given name that is also a
# place ("Jordan Canyon"): a place after a word no given name or place ("Ayungin Shoal", "Thwaites Glacier").
FEATURE_HEADS = words("Shoal Shoals Reef Reefs Atoll Archipelago Glacier Fjord Lagoon Canyon Plateau Volcano")

# Capitalized final words that make a name a place or thing, not an organization or person.
PLACE_THING_HEADS = words("""
    Sea Ocean River Lake Island Islands Mountain Mountains Mount Valley Gulf Bay Strait Straits Peninsula Delta
    Coast Desert Forest Canal Province Region County District Street Avenue Road Square Boulevard Lane Crescent
    Mews
    Mosque Church Cathedral Temple Palace Prison Stadium Arena Bridge Airport Park Hall Tower Castle
    War Wars Cup Finals Final Open Games Olympics Championship Championships Show Festival Prize Award
    Awards Act Treaty Accord Accords Agreement Program Programme Mission Project Rover Lander Station Day
    Week Summit Conference Crisis Revolution Doctrine Plan Initiative Operation Series Grand Prix Tour
    Marathon Derby Classic Masters Trophy Stakes Bowl Expo Fair Theatre Theater Zoo
    Highway Freeway Expressway Dam Reservoir Plaza Hill Hills Heights Falls Beach Harbour Harbor Port
    Study Survey Report Index Law Bill Amendment Constitution Charter Convention Protocol Declaration Regulation
    Directive Ordinance
    Cemetery Cemeteries Graveyard Borough Township Shuttle Spacecraft Capsule Satellite Empire Dynasty
""")

# Well-known news agencies and outlets, organizations by name alone.
NEWS_ORGANIZATIONS = words("""
    Reuters AP AFP Bloomberg CNN BBC NPR PBS CBS NBC ABC Fox MSNBC CNBC Xinhua TASS KCNA Yonhap Kyodo
    ANSA EFE DPA Interfax RIA Sputnik RT Al-Jazeera Aljazeera UPI Politico Axios Newsweek Forbes
    Fortune Vox Vice BuzzFeed HuffPost Breitbart Haaretz Asahi Nikkei Caixin Dawn Ynet Anadolu IRNA
    Bernama Antara Agence Associated Press
""")

# Government buildings and bodies that stand for an institution by name alone.
INSTITUTION_NAMES = words("Pentagon Kremlin Vatican Congress Parliament Senate Knesset Bundestag Duma Elysee Élysée")

# Short forms news uses for bodies it names in full, which share no acronym with the full name ("the Fed").
SHORT_FORMS = {"Fed": "Federal Reserve", "BoE": "Bank of England", "BoJ": "Bank of Japan"}

# Acronyms that are not organizations.
NON_ORG_ACRONYMS = words("""
    US USA UK UAE USSR GDP GNP CEO CFO COO CTO CIO IQ TV AM PM GMT UTC EST EDT PST PDT BST CET DNA RNA
    HIV AIDS COVID SARS MERS ID PC IT AI VR AR PhD MBA MP MPs MEP MEPs LGBT LGBTQ GOP OK II III IV VI VII
    VIII IX XI DC NY LA SUV SUVs CO2 PR HR QC PDF URL SMS GPS USB FAQ VIP RIP DIY ETA ATM PIN UFO ISS
    IPO IPOs EV EVs LNG MVP ERA RBI API CPU GPU LED LCD MRI ICU ER DJ CD DVD NGO NGOs UAV UAVs ICBM ICBMs
    IED RPG STEM ESG GMO VAT CPI ETF ETFs KO TKO OT PPE PTSD ADHD CCTV HQ MIA POW POWs RSVP FYI CEOs
    AGM EPS GMT Mr Ms Mrs ASAP TBD TBA ID IDs LGBTQI MPH KPH BC AD BCE CE
""")

# Endings of surnames in many languages: a lone word before a speech verb that ends so is a person.
SURNAME_ENDINGS = (
    "son", "sen", "ez", "ski", "sky", "ska", "ov", "ova", "ev", "eva", "enko", "chuk", "yan", "ian", "vich",
    "vić", "ić", "escu", "oglu", "oğlu", "ini", "elli", "etti", "ucci", "berg", "stein", "mann", "baum", "witz",
    "wicz", "czyk", "czak", "idis", "poulos", "akis", "ishvili", "adze", "uddin", "ullah", "zadeh", "opoulos",
)

# Lowercase words before a one-word name that place it ("in X", "near X"): it is a place, not a person.
LOCATIVES = words("in near outside across throughout around inside")

# Words before a bare acronym that make it an organization ("the FBI", "joined NATO").
ACRONYM_LEADS = words("the at by from with to against join joined joins joining quit left rejoin according")

# Words right after a bare acronym that make it an organization ("NATO headquarters", "FTC spokeswoman").
ACRONYM_FOLLOWERS = words("""
    headquarters spokesman spokeswoman spokesperson official officials chief head boss members member
    staff investigators agents inspectors officers troops forces allies summit report statement
    chairman chairwoman director president secretary-general commissioner
""")

# Plural pronouns and gendered pronouns that may stand for a speaker.
PRONOUN_GENDER = {"he": "m", "she": "f", "it": "o", "they": "p", "He": "m", "She": "f", "It": "o", "They": "p"}

# Determiners and possessives that may open a noun phrase.
DETERMINERS = words("the a an his her its their our this that these those another one some several two three")

# Lowercase words that end a role phrase when walking back from a name.
ROLE_BREAKS = words("""
    by with to from and or but as that which who whom whose including include includes included like such
    than said says told was were is are has have had be been being will would could should may might
    when while where after before during since until because although though if then also not only even
    week month year day morning evening night weekend today yesterday last next earlier later ago
    between among against about over under into onto upon via per among led met called named did does do
    done joined joins join
""")

# Time words that can follow "Last"/"Next" and never name anything.
MONTHS_AND_DAYS = words("""
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
""")

# Months that are also people's names: given ("June Carter", "Jan Kowal") or family ("Theresa May").
MONTHS_NAMING_PEOPLE = words("""
    April May June August Jan Jun
""")

# Words before a month that make it a date ("in May", "since June", "last August").
BEFORE_DATES = words("""
    in on since until till by last next this that early late mid from through throughout during before after
    of between every each or and to
""")

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = words("""
    Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Maj Capt Sgt Adm Cmdr Cpl Pvt Rev Hon St Jr Sr Inc Corp Co
    Ltd No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs etc Mt Ft Pres Supt Gens Sens Reps
    approx est dept Univ Assn Bros Messrs Mme Mlle Msgr Fr Coun Cllr Engr Rt
""")

# Name particles that may stand lowercase inside a person's name ("van de", "de la").
NAME_PARTICLES = words("""
    van von de der den da di du del della la le dos das ter ten bin binti bint ibn ben al el y zu ap arap
""")

# Marks that close a quotation, before the attribution that follows it.
CLOSING_QUOTE_MARKS = "”\"’"

# Portfolio words that stand before "Minister"/"Secretary" and do not make an organization there.
PORTFOLIO_WORDS = words("""
    Industries Energy Services Security Trade Development Affairs Health Defense Defence Transport
    Communications Technology Media Justice Finance Economy Interior Education Environment Agriculture
    Labour Labor Culture Infrastructure Housing Tourism Commerce Foreign Home Treasury Digital
""")

# Playing positions written before a player's name in rosters and sports copy ("G Marcus Doyle", "QB Ty Reed").
POSITION_LETTERS = words("""
    G F C PG SG SF PF QB RB WR TE LB DB CB DE DT OL OT OG K P LW RW D GK DF MF FW SS FS RHP LHP SP RP
""")

# Last words that make a name a place even after a given name ("Marion County", "Victoria Square").
PLACE_ONLY_HEADS = words("""
    County Counties Square District Province Region Avenue Boulevard Road Street Highway Freeway Expressway
    Plaza Stadium Arena Airport Cemetery Cemeteries Graveyard Canal Peninsula Strait Bridge Borough Township
    Crescent Mews
""")

# Letters after a person's name that tell an honour, a rank or a seat, no part of the name ("Jane Morton MP").
POSTNOMINALS = words("KC QC MP MSP MEP MLA MBE OBE CBE KBE DBE PhD")

# Words that make a capitalized name a craft or a machine, not its maker or a person ("Space Shuttle Orion").
CRAFT_WORDS = words("""
    Shuttle Spacecraft Capsule Orbiter Lander Telescope Satellite Probe Starship Airship
""")

# Prefixes of ships' names ("USS Harmon", "HMS Endeavour").
SHIP_PREFIXES = words("USS USNS HMS HMAS HMCS HMNZS RMS MV MS SS RV INS ROKS JS FS")

# Family relations: they tie a person to another, they are not a role ("her husband, Paul Lane").
RELATION_WORDS = words("""
    mother father son daughter brother sister husband wife widow widower parent parents grandmother
    grandfather grandson granddaughter grandparent aunt uncle niece nephew cousin fiancé fiancée fiance
    fiancee boyfriend girlfriend stepmother stepfather stepson stepdaughter stepbrother stepsister sibling
    twin mom dad mum mother-in-law father-in-law son-in-law daughter-in-law brother-in-law sister-in-law
    half-brother half-sister
""")

# Hyphenated prefixes of a word of stance or time before a name, not part of it ("Pro-Beijing", "Then-Mayor").
STANCE_PREFIXES = ("Pro-", "Anti-", "Ex-", "Non-", "Then-", "Post-", "Pre-")

# Offices and departments that open a sentence before a job ("Marketing manager X", "Police captain Y"): no club.
OFFICE_WORDS = words("""
    Marketing Sales Station Police Finance Operations Production Communications Store Branch Project Office
    Plant Department Division Unit Site Shop Factory Warehouse Hospital Restaurant Kitchen Hotel Fire Ward
    Account Accounts Product Brand Regional Area General Program Programme Studio Stage Press Security Health
""")

# Common English words that short names of clubs are ("United captain X", "Palace manager Y").
CLUB_WORDS = words("United City Town County Athletic Palace Real Inter Sporting Olympic Heat Thunder")

# Jobs a club gives: a city before one and a name is the club named after it ("Porto coach Vítor Baía").
SPORT_ROLES = words("""
    coach manager striker goalkeeper keeper captain midfielder defender forward winger fullback playmaker
    quarterback pitcher batsman bowler
""")

# Nouns of a standing toward a body rather than a job in it: a critic, customer or victim of a bank works elsewhere.
STANDING_NOUNS = words("""
    critic client customer shareholder flyer commuter stockholder stakeholder investor protester protestor
    demonstrator victim
    survivor witness resident rival opponent supporter fan user subscriber tenant borrower lender creditor
    debtor patient passenger buyer seller bidder graduate alumnus alumna donor backer visitor plaintiff
""")

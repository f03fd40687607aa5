"""Organizations known by name alone: companies, outlets, agencies, leagues and bodies a reader knows on sight.

A one-word company or outlet ("Netflix said") gives the rules nothing to go on; this list does. It is broad
and general on purpose: well-known names of every field, never the names of a particular article.
"""

from __future__ import annotations


def lines(text: str) -> frozenset[str]:
    """The non-empty lines of a block, each one name."""
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


WELL_KNOWN_ORGANIZATIONS = lines("""
Google
Alphabet
Apple
Microsoft
Amazon
Meta
Facebook
Instagram
WhatsApp
Twitter
YouTube
TikTok
ByteDance
Snapchat
Snap
LinkedIn
Reddit
Pinterest
Tumblr
Wikipedia
Wikimedia
Wikimedia Foundation
Wikinews
Yahoo
Yahoo!
Bing
Netflix
Spotify
Hulu
Disney
Walt Disney
Warner Bros
Warner Bros.
Paramount
Universal
Sony
Nintendo
Samsung
LG
Huawei
Xiaomi
Lenovo
Alibaba
Tencent
Baidu
Uber
Lyft
Airbnb
Tesla
SpaceX
Boeing
Airbus
Lockheed Martin
Raytheon
Northrop Grumman
General Dynamics
General Electric
General Motors
Ford
Toyota
Honda
Nissan
Volkswagen
BMW
Mercedes-Benz
Daimler
Renault
Fiat
Ferrari
Hyundai
Kia
Intel
AMD
Nvidia
Qualcomm
IBM
Oracle
Cisco
Dell
HP
Adobe
Salesforce
PayPal
eBay
Visa
Mastercard
Goldman Sachs
JPMorgan
JPMorgan Chase
Morgan Stanley
Citigroup
Citi
Barclays
HSBC
Deutsche Bank
UBS
Credit Suisse
BlackRock
Berkshire Hathaway
Walmart
Target
Costco
McDonald's
Starbucks
Coca-Cola
PepsiCo
Pepsi
Nestle
Nestlé
Unilever
Procter & Gamble
Johnson & Johnson
Pfizer
Moderna
AstraZeneca
Novartis
Roche
Merck
Bayer
GlaxoSmithKline
Sanofi
ExxonMobil
Exxon
Chevron
Shell
BP
TotalEnergies
Gazprom
Rosneft
Aramco
Saudi Aramco
Emirates
Qatar Airways
Lufthansa
Air France
British Airways
Delta
American Airlines
United Airlines
Southwest Airlines
Ryanair
easyJet
FedEx
UPS
DHL
Verizon
AT&T
T-Mobile
Vodafone
Comcast
Nokia
Ericsson
Siemens
Philips
IKEA
Zara
Nike
Adidas
Puma
Reuters
Associated Press
Agence France-Presse
Bloomberg
The New York Times
New York Times
The Washington Post
Washington Post
The Wall Street Journal
Wall Street Journal
The Guardian
Guardian
The Times
The Telegraph
Daily Telegraph
Daily Mail
Financial Times
The Economist
Economist
USA Today
Los Angeles Times
Chicago Tribune
The Atlantic
The New Yorker
New Yorker
Time
Rolling Stone
Variety
Billboard
National Geographic
Le Monde
Der Spiegel
Spiegel
Al Jazeera
Sky News
Sky
ITV
Channel 4
CBC
ABC News
CBS News
NBC News
Fox News
HBO
ESPN
CNN
BBC
BBC News
NPR
PBS
MTV
Nickelodeon
Marvel
DC Comics
Pixar
Associated Press
United Nations
UN
UNESCO
UNICEF
UNHCR
UNDP
WHO
World Health Organization
World Bank
International Monetary Fund
IMF
World Trade Organization
WTO
NATO
European Union
EU
European Commission
European Parliament
European Central Bank
African Union
ASEAN
OPEC
Red Cross
International Committee of the Red Cross
Red Crescent
Amnesty International
Human Rights Watch
Greenpeace
Oxfam
Doctors Without Borders
Médecins Sans Frontières
Save the Children
Interpol
Europol
FBI
CIA
NSA
NASA
ESA
FDA
CDC
EPA
FAA
FCC
FTC
SEC
IRS
DEA
ATF
ICE
TSA
FEMA
NOAA
NIH
USDA
Pentagon
White House
Downing Street
State Department
Justice Department
Department of Justice
Department of Defense
Department of State
Homeland Security
Department of Homeland Security
Federal Reserve
Supreme Court
Congress
Senate
House of Representatives
Parliament
House of Commons
House of Lords
Bundestag
Kremlin
Knesset
Duma
MI5
MI6
Scotland Yard
Metropolitan Police
Mossad
KGB
FSB
Red Army
Royal Navy
Royal Air Force
US Army
U.S. Army
US Navy
U.S. Navy
US Air Force
U.S. Air Force
Air Force
Marine Corps
Coast Guard
National Guard
FIFA
UEFA
IOC
International Olympic Committee
NFL
NBA
MLB
NHL
MLS
NCAA
WNBA
ATP
WTA
ITF
PGA
LPGA
Formula One
Premier League
La Liga
Bundesliga
Serie A
Ligue 1
Champions League
Real Madrid
Barcelona
FC Barcelona
Manchester United
Manchester City
Liverpool
Chelsea
Arsenal
Tottenham
Juventus
Bayern Munich
Paris Saint-Germain
New York Yankees
Boston Red Sox
Los Angeles Lakers
Yankees
Red Sox
Lakers
Mets
Cardinals
Harvard
Harvard University
Yale
Yale University
Princeton
Princeton University
Stanford
Stanford University
MIT
Massachusetts Institute of Technology
Oxford University
University of Oxford
Cambridge University
University of Cambridge
Columbia University
Caltech
Sorbonne
Smithsonian
Smithsonian Institution
Louvre
British Museum
Metropolitan Museum of Art
Museum of Modern Art
MoMA
Tate
Tate Modern
Guggenheim
Royal Society
Nobel Foundation
Nobel Committee
Academy of Motion Picture Arts and Sciences
BAFTA
Grammy
Recording Academy
Microsoft Corporation
Apple Inc.
Amazon.com
Democratic Party
Republican Party
Democrats
Republicans
Labour Party
Labour
Conservative Party
Conservatives
Tories
Liberal Democrats
Scottish National Party
SNP
Green Party
Greens
Sinn Féin
Sinn Fein
Christian Democratic Union
CDU
SPD
Social Democrats
Bharatiya Janata Party
BJP
Congress Party
Indian National Congress
Communist Party
Chinese Communist Party
Likud
Hamas
Hezbollah
Fatah
Taliban
al-Qaeda
Al-Qaeda
Islamic State
ISIS
ISIL
Wagner Group
Wagner
Greenpeace International
WWF
World Wildlife Fund
Sierra Club
Gates Foundation
Bill & Melinda Gates Foundation
Ford Foundation
Rockefeller Foundation
Open Society Foundations
Wikileaks
WikiLeaks
Anonymous
Mozilla
Linux Foundation
Apache Software Foundation
OpenAI
DeepMind
Anthropic
Creative Commons
Internet Archive
Electronic Frontier Foundation
American Civil Liberties Union
ACLU
NAACP
Planned Parenthood
National Rifle Association
NRA
AARP
Boy Scouts
Girl Scouts
Salvation Army
YMCA
Rotary
Rotary International
""")

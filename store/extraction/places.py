"""Place names as generic data: countries, major cities, regions, and the nationalities made from them."""

from __future__ import annotations


def lines(text: str) -> frozenset[str]:
    """A frozen set of the comma-separated names in text, stripped."""
    return frozenset(name.strip() for name in text.replace("\n", ",").split(",") if name.strip())


COUNTRIES = lines("""
    Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan,
    Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia,
    Herzegovina, Bosnia and Herzegovina, Botswana, Brazil, Brunei, Bulgaria, Burkina Faso, Burundi, Cambodia,
    Cameroon, Canada, Cape Verde, Central African Republic, Chad, Chile, China, Colombia, Comoros, Congo,
    Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominica,
    Dominican Republic, Ecuador, Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji,
    Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea,
    Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel,
    Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos,
    Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi,
    Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius, Mexico, Micronesia, Moldova, Monaco, Mongolia,
    Montenegro, Morocco, Mozambique, Myanmar, Burma, Namibia, Nauru, Nepal, Netherlands, Holland, New Zealand,
    Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway, Oman, Pakistan, Palau,
    Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania,
    Russia, Rwanda, Samoa, San Marino, Saudi Arabia, Senegal, Serbia, Seychelles, Sierra Leone, Singapore,
    Slovakia, Slovenia, Somalia, South Africa, South Korea, Korea, South Sudan, Spain, Sri Lanka, Sudan,
    Suriname, Sweden, Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Timor-Leste, East Timor,
    Togo, Tonga, Trinidad, Tobago, Trinidad and Tobago, Tunisia, Turkey, Turkmenistan, Tuvalu, Uganda,
    Ukraine, United Arab Emirates, UAE, United Kingdom, UK, U.K., Britain, Great Britain, England, Scotland,
    Wales, Northern Ireland, United States, United States of America, US, U.S., USA, U.S.A., America,
    Uruguay, Uzbekistan, Vanuatu, Vatican City, Venezuela, Vietnam, Viet Nam, Yemen, Zambia, Zimbabwe,
    Greenland, Puerto Rico, Hong Kong, Macau, Gaza, West Bank, Crimea, Donbas, Tibet, Xinjiang, Kashmir,
    Chechnya, Kurdistan, Catalonia, Basque Country, Flanders, Wallonia, Bavaria, Siberia, Scandinavia
""")

CITIES = lines("""
    Washington, New York, Los Angeles, Chicago, Houston, Phoenix, Philadelphia, San Antonio, San Diego,
    Dallas, San Francisco, Austin, Seattle, Denver, Boston, Detroit, Nashville, Atlanta, Miami, Orlando,
    Las Vegas, Portland, Baltimore, Pittsburgh, Cleveland, Cincinnati, Minneapolis, St. Louis, New Orleans,
    Honolulu, Anchorage, Sacramento, Salt Lake City, Kansas City, Oklahoma City, Indianapolis, Columbus,
    Charlotte, Raleigh, Richmond, Tampa, Memphis, Milwaukee, Albuquerque, Tucson, Omaha, Buffalo, Newark,
    Brooklyn, Manhattan, Queens, Bronx, Harlem, Hollywood, Silicon Valley, Wall Street, Capitol Hill,
    Toronto, Montreal, Vancouver, Ottawa, Calgary, Edmonton, Quebec, Winnipeg, Mexico City, Havana,
    Bogota, Caracas, Lima, Quito, Santiago, Buenos Aires, Montevideo, Asuncion, La Paz, Brasilia,
    Rio de Janeiro, Sao Paulo, São Paulo, London, Manchester, Liverpool, Birmingham, Leeds, Glasgow,
    Edinburgh, Cardiff, Belfast, Dublin, Cork, Paris, Marseille, Lyon, Nice, Toulouse, Bordeaux, Lille,
    Strasbourg, Brussels, Antwerp, Amsterdam, Rotterdam, The Hague, Luxembourg, Berlin, Hamburg, Munich,
    Frankfurt, Cologne, Stuttgart, Dusseldorf, Düsseldorf, Leipzig, Dresden, Bonn, Vienna, Salzburg,
    Zurich, Zürich, Geneva, Bern, Basel, Lausanne, Davos, Rome, Milan, Naples, Turin, Florence, Venice,
    Bologna, Genoa, Palermo, Madrid, Barcelona, Valencia, Seville, Bilbao, Malaga, Lisbon, Porto, Athens,
    Thessaloniki, Istanbul, Ankara, Izmir, Copenhagen, Oslo, Stockholm, Gothenburg, Helsinki, Reykjavik,
    Tallinn, Riga, Vilnius, Warsaw, Krakow, Gdansk, Prague, Bratislava, Budapest, Bucharest, Sofia,
    Belgrade, Zagreb, Ljubljana, Sarajevo, Skopje, Tirana, Podgorica, Pristina, Chisinau, Minsk, Kyiv,
    Kiev, Kharkiv, Odesa, Odessa, Lviv, Dnipro, Mariupol, Donetsk, Luhansk, Kherson, Zaporizhzhia,
    Bakhmut, Moscow, St. Petersburg, Saint Petersburg, Novosibirsk, Kazan, Sochi, Vladivostok, Tbilisi,
    Yerevan, Baku, Astana, Nur-Sultan, Almaty, Tashkent, Bishkek, Dushanbe, Ashgabat, Kabul, Kandahar,
    Islamabad, Karachi, Lahore, Peshawar, New Delhi, Delhi, Mumbai, Kolkata, Chennai, Bangalore, Bengaluru,
    Hyderabad, Dhaka, Kathmandu, Colombo, Beijing, Shanghai, Guangzhou, Shenzhen, Wuhan, Chengdu,
    Chongqing, Tianjin, Hangzhou, Nanjing, Xi'an, Taipei, Tokyo, Osaka, Kyoto, Yokohama, Nagoya,
    Hiroshima, Fukushima, Okinawa, Seoul, Busan, Pyongyang, Ulaanbaatar, Hanoi, Ho Chi Minh City, Saigon,
    Bangkok, Phnom Penh, Vientiane, Yangon, Naypyitaw, Kuala Lumpur, Singapore, Jakarta, Bali, Manila,
    Sydney, Melbourne, Brisbane, Perth, Adelaide, Canberra, Hobart, Darwin, Auckland, Wellington,
    Christchurch, Cairo, Alexandria, Tripoli, Benghazi, Tunis, Algiers, Rabat, Casablanca, Khartoum,
    Addis Ababa, Nairobi, Mombasa, Kampala, Kigali, Dar es Salaam, Lagos, Abuja, Accra, Dakar, Abidjan,
    Kinshasa, Luanda, Harare, Lusaka, Johannesburg, Cape Town, Pretoria, Durban, Mogadishu, Jerusalem,
    Tel Aviv, Haifa, Ramallah, Beirut, Damascus, Aleppo, Amman, Baghdad, Mosul, Basra, Erbil, Tehran,
    Riyadh, Jeddah, Mecca, Medina, Dubai, Abu Dhabi, Doha, Manama, Muscat, Sanaa, Aden, Kuwait City,
    Hanoi, Brazzaville, Lome, Bamako, Niamey, Ouagadougou, Nouakchott, Freetown, Monrovia, Conakry,
    Beograd, Praha, Warszawa, München, Köln, Moskva, Milano, Napoli, Torino, Firenze, Genova, Venezia, Lisboa,
    Sevilla, Wien, București, Bucuresti, Athina, Kraków, Gdańsk, Wrocław, Wroclaw, Poznań, Poznan, Łódź, Lodz,
    Brno, Antwerpen, Bruxelles, Genève, Göteborg, København, İstanbul, İzmir, Novi Sad, Cluj, Timișoara,
    Timisoara, Plovdiv, Mostar, Banja Luka, Kaunas, Tartu, Tampere, Turku, Aarhus, Malmö, Malmo,
    Uppsala, Rijeka, Osijek, Thessaloniki, Kharkov
""")

REGIONS = lines("""
    Africa, Asia, Europe, North America, South America, Latin America, Central America, Antarctica,
    Arctic, Oceania, Middle East, Near East, Far East, Southeast Asia, South East Asia, South Asia, East Asia,
    Central Asia, West Africa, East Africa, North Africa, Southern Africa, Sub-Saharan Africa, Horn of Africa,
    Sahel, Balkans, Baltics, Caucasus, Caribbean, Pacific, Atlantic, Mediterranean, Gulf, Persian Gulf,
    Eastern Europe, Western Europe, Central Europe, Northern Europe, Southern Europe, Indo-Pacific,
    Asia-Pacific, Asia Pacific, Midwest, Pacific Northwest, New England, Deep South, Sun Belt, Rust Belt,
    Earth, Moon, Mars, Venus, Jupiter, Saturn, Mercury, Sun, West, East, North, South, Northeast, Northwest,
    Southeast, Southwest, Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware,
    Florida, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland,
    Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire,
    New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island,
    South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin,
    Wyoming, Ontario, British Columbia, Alberta, Manitoba, Saskatchewan, Nova Scotia, New Brunswick,
    Newfoundland, New South Wales, Victoria, Queensland, South Australia, Western Australia, Tasmania,
    Northern Territory, Australian Capital Territory, Aceh, Java, Sumatra, Borneo, Sulawesi, Papua,
    Mindanao, Luzon, Hokkaido, Kyushu, Punjab, Kerala, Bengal, West Bengal, Gujarat, Bihar, Uttar Pradesh,
    Maharashtra, Tamil Nadu, Kashmir, Sindh, Balochistan, Guangdong, Hubei, Sichuan, Yunnan, Hainan,
    Inner Mongolia, Darfur, Sinai, Galilee, Golan Heights, Anbar, Idlib, Kurdistan, Patagonia, Amazon,
    Andalusia, Tuscany, Sicily, Sardinia, Corsica, Normandy, Brittany, Provence, Lombardy, Saxony,
    Silesia, Transylvania, Yorkshire, Cornwall, Kent, Essex, Lancashire, Ulster, Greater London
""")

NATIONALITIES = lines("""
    American, Americans, British, Briton, Britons, English, Scottish, Welsh, Irish, French, German, Germans,
    Italian, Italians, Spanish, Spaniard, Spaniards, Portuguese, Dutch, Belgian, Belgians, Swiss, Austrian,
    Swedish, Swede, Swedes, Norwegian, Norwegians, Danish, Dane, Danes, Finnish, Finn, Finns, Icelandic,
    Polish, Pole, Poles, Czech, Czechs, Slovak, Slovaks, Hungarian, Hungarians, Romanian, Romanians,
    Bulgarian, Bulgarians, Serbian, Serb, Serbs, Croatian, Croat, Croats, Slovenian, Bosnian, Albanian,
    Greek, Greeks, Turkish, Turk, Turks, Cypriot, Maltese, Russian, Russians, Ukrainian, Ukrainians,
    Belarusian, Lithuanian, Latvian, Estonian, Georgian, Georgians, Armenian, Armenians, Azerbaijani,
    Azeri, Kazakh, Kazakhs, Uzbek, Kyrgyz, Tajik, Turkmen, Afghan, Afghans, Pakistani, Pakistanis, Indian,
    Indians, Bangladeshi, Bangladeshis, Nepali, Nepalese, Sri Lankan, Chinese, Japanese, Korean, Koreans,
    North Korean, South Korean, Mongolian, Vietnamese, Thai, Cambodian, Lao, Laotian, Burmese, Malaysian,
    Malaysians, Singaporean, Indonesian, Indonesians, Filipino, Filipinos, Philippine, Australian, Australians,
    New Zealander, Canadian, Canadians, Mexican, Mexicans, Cuban, Cubans, Brazilian, Brazilians,
    Argentine, Argentinian, Argentines, Chilean, Chileans, Colombian, Colombians, Peruvian, Venezuelan,
    Venezuelans, Ecuadorian, Bolivian, Uruguayan, Paraguayan, Haitian, Jamaican, Egyptian, Egyptians,
    Libyan, Libyans, Tunisian, Algerian, Moroccan, Sudanese, Ethiopian, Ethiopians, Eritrean, Somali,
    Somalis, Kenyan, Kenyans, Ugandan, Rwandan, Tanzanian, Nigerian, Nigerians, Ghanaian, Ghanaians,
    Senegalese, Malian, Ivorian, Cameroonian, Congolese, Angolan, Zimbabwean, Zambian, South African,
    South Africans, Israeli, Israelis, Palestinian, Palestinians, Lebanese, Syrian, Syrians, Jordanian,
    Iraqi, Iraqis, Iranian, Iranians, Saudi, Saudis, Emirati, Emiratis, Qatari, Kuwaiti, Bahraini, Omani,
    Yemeni, Yemenis, Kurdish, Kurd, Kurds, Arab, Arabs, Arabian, Persian, European, Europeans, Asian,
    Asians, African, Africans, Latin American, Western, Westerners, Eastern, Soviet, Soviets, Balkan,
    Baltic, Nordic, Scandinavian, Caribbean, Pacific, Atlantic, Mediterranean, Hispanic, Latino, Latinos,
    Muslim, Muslims, Christian, Christians, Jew, Jews, Jewish, Hindu, Hindus, Sikh, Sikhs, Buddhist,
    Buddhists, Catholic, Catholics, Protestant, Protestants, Orthodox, Sunni, Sunnis, Shia, Shiite,
    Shiites, Rohingya, Uyghur, Uyghurs, Uighur, Uighurs, Tibetan, Tibetans, Tamil, Tamils, Pashtun,
    Hazara, Yazidi, Yazidis, Druze, Bedouin, Berber, Maori, Aboriginal, Inuit, Roma, Basque, Catalan,
    Flemish, Walloon, Bavarian, Texan, Californian, Floridian, Midwestern, North American, Central American,
    Ghanian, Taiwanese, Hong Konger, Tibetan, Crimean, Chechen, Dagestani, Tatar, Sami, Islam, Judaism,
    Christianity, Hinduism, Buddhism, Sikhism
""")

# Directions that prefix a place ("South East Asia", "Northern Syria").
DIRECTIONS = lines("""
    North, South, East, West, Northern, Southern, Eastern, Western, Central, Northeast, Northwest,
    Southeast, Southwest, Northeastern, Northwestern, Southeastern, Southwestern, Upper, Lower, Greater,
    Inner, Outer, Mid, Mainland
""")

PLACES = COUNTRIES | CITIES | REGIONS
PLACE_WORDS = PLACES | NATIONALITIES

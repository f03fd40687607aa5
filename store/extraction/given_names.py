"""Common given names of many languages as generic data, to recognize a person's name and guess their pronoun."""

from __future__ import annotations

MALE = frozenset("""
    Aaron Abe Abel Abraham Adam Adrian Aidan Al Alan Albert Alberto Albin Aldo Alec Alejandro Alessandro Alex
    Alexander Alexandre Alexis Alfie Alfonso Alfred Alfredo Alistair Allan Allen Alonso Alvaro Álvaro Amos
    Anders Andre André Andreas Andrew Andy Angel Ángel Angelo Angus Anthony Anton Antoine Antonio Antony Archie
    Armando Arnaud Arnold Arthur Arturo Axel Barry Bart Bastian Ben Benedict Benjamin Benito Benoit
    Benoît Bernard Bernardo Bernd Bert Bill Billy Bjorn Björn Blake Bob Bobby Boris Brad Bradley Brendan
    Brent Brett Brian Bruce Bruno Bryan Caleb Calvin Cameron Carl Carlo Carlos Cedric Cesar César
    Charles Charlie Chester Chris Christian Christoph Christophe Christopher Chuck Clark Claude
    Clement Clément Cliff Clifford Clint Clive Cody Colin Conor Connor Conrad Craig Cristian Cristiano
    Curtis Dale Damian Damien Dan Daniel Danny Dante Darius Darren Dave David Declan Dennis Derek Dexter
    Diego Dieter Dirk Dominic Dominik Don Donald Doug Douglas Duncan Dustin Dylan Ed Eddie Edgar
    Edmund Eduardo Edward Edwin Egon Elias Elijah Elliot Elliott Emil Emile Émile Emilio Emmanuel Enrico
    Enrique Enzo Eric Erik Ernest Ernesto Ernst Esteban Ethan Eugene Evan Ewan Fabian Fabio Fabrice Federico
    Felipe Felix Félix Ferdinand Fernando Filip Filippo Finn Florian Floyd Francesco Francis Francisco
    Franco Francois François Frank Frankie Franz Fraser Fred Freddie Frederic Frédéric Frederick Fritz
    Gabriel Gareth Garrett Gary Gavin Geoff Geoffrey George Georg Gerald Gerard Gerardo Gerhard Gianluca
    Gilbert Gilles Gino Giorgio Giovanni Giuseppe Glen Glenn Gonzalo Gordon Graham Greg Gregor
    Gregory Guido Guillaume Guillermo Gunnar Gustavo Guy Hamish Hank Hans Harald Harold Harry Harvey
    Hector Héctor Heinrich Heinz Helmut Henri Henrik Henry Herbert Herman Hernan Horst Howard Hubert Hugh
    Hugo Humberto Hunter Ian Ignacio Igor Isaac Ivan Ivo Jack Jacob Jacques Jaime Jake James Jamie
    Jan Jared Jason Javier Jay Jean Jeff Jeffrey Jens Jeremy Jerome Jérôme Jerry Jesse Jesus Jim Jimmy Joachim
    Joao João Joaquin Joaquín Joe Joel Joey Johan Johann Johannes John Johnny Jon Jonas Jonathan Jordi
    Jorge Jose José Josef Joseph Josh Joshua Juan Julian Julien Julio Jurgen Jürgen Justin Karl Keith Kelvin
    Ken Kenneth Kevin Kieran Kirk Klaus Kurt Kyle Lance Larry Lars Laurent Lawrence Leigh Leo Leon
    Leonard Leonardo Leopold Leroy Lewis Lionel Lloyd Lorenzo Louis Luc Luca Lucas Luciano Ludwig Luigi
    Luis Luiz Lukas Luke Malcolm Manuel Marc Marcel Marcelo Marco Marcos Marcus Mario Marius Mark Marko
    Martin Martín Marvin Mateo Mathias Mathieu Matt Matteo Matthew Matthias Maurice Mauricio Mauro
    Max Maxim Maxime Maximilian Michael Michel Miguel Mike Milo Mitch Mitchell Moritz Morris
    Murray Nathan Nathaniel Ned Neil Nicholas Nick Nico Nicola Nicolas Nicolás Niels Nigel Niklas
    Nikolaus Noah Noel Norbert Norman Olaf Oliver Olivier Omar Oscar Óscar Oskar Otto Owen Pablo
    Paolo Pascal Patrick Patricio Paul Paulo Pedro Percy Pete Peter Phil Philip Philipp Philippe Pierre
    Pietro Quentin Quinn Rafael Rafa Raffaele Ralf Ralph Ramiro Ramon Ramón Randall Randy Raphael Raul Raúl
    Ray Raymond Reggie Reginald Reinhard Rémi Remy Rene René Ricardo Riccardo Richard Rick Ricky Robbie
    Robert Roberto Robin Rod Rodney Rodolfo Rodrigo Roger Roland Rolf Roman Romain Ron Ronald Ronaldo Ronnie
    Rory Ross Roy Ruben Rubén Rudolf Rudy Rupert Russell Ryan Salvatore Sam Samuel Sandro
    Santiago Scott Seamus Sean Sebastian Sebastián Sebastien Sébastien Sergio Seth Shane Shaun Shawn Sidney Silvio
    Simon Simone Stan Stanley Stefan Stefano Steffen Stephan Stephane Stéphane Stephen Steve Steven
    Stewart Stuart Sven Ted Teddy Terence Terry Theo Theodore Thiago Thibaut Thierry Thomas Thorsten Tim
    Timo Timothy Tobias Toby Todd Tom Tomas Tomás Tommaso Tommy Toni Tony Travis Trevor Troy Tyler Ulrich
    Uwe Valentin Vance Vernon Vicente Victor Víctor Vincent Vincenzo Vinnie Vito Walter Warren Wayne Werner
    Wesley Wilfried William Willie Wim Wolfgang Xavier Yannick Yves Zachary Zach
    Aleksander Aleksandar Aleksandr Aleksei Alexei Alexey Anatoly Andrei Andrey Andrzej Andriy Arkady
    Artem Artyom Bogdan Bohdan Boyko Branko Dalibor Daniil Danylo Darko Denis Denys Dmitri Dmitriy Dmitry
    Dragan Dusan Dušan Evgeny Fedor Fyodor Goran Grigory Grzegorz Igor Ihor Ilya Ivan Jakub Janos János
    Jaroslav Jerzy Jiri Jiří Karel Kirill Konstantin Krzysztof Leonid Lubomir Maksim Maksym Marek Marian
    Mateusz Matej Michal Michał Mikhail Milorad Miloš Milos Miroslav Mykola Mykhailo Nikita Nikola
    Nikolai Nikolay Oleg Oleh Oleksandr Oleksiy Oleksii Pavel Pavlo Petar Petr Petro Piotr Radek Radoslaw
    Roman Ruslan Sergei Sergey Serhiy Slavomir Stanislav Stepan Taras Tomasz Vadim Vadym Valentin Valery
    Vasily Vasyl Viktor Vitali Vitaliy Vladimir Vladislav Vlad Volodymyr Vyacheslav Wojciech Yaroslav
    Yevgeny Yegor Yuri Yuriy Zbigniew Zoran
    Abbas Abdel Abdul Abdulaziz Abdullah Abdulla Abdulrahman Adel Adnan Ahmad Ahmed Akram Ali Amin Amir
    Amr Anwar Ashraf Ayman Aziz Bashar Bassam Bilal Emad Fadi Fahad Fahd Faisal Farid Farouk Fawaz Fouad
    Fuad Ghassan Habib Hadi Hafez Haider Hakim Hamad Hamid Hamza Hani Haris Haroun Hasan Hassan Hatem Hazem
    Hisham Hossein Hussain Hussein Ibrahim Idris Imran Ismail Issa Jaber Jafar Jamal Jamil Jawad Kamal
    Karim Khaled Khalid Khalil Mahmoud Majid Malik Mansour Marwan Masoud Mehdi Mohamed Mohammad Mohammed
    Mohsen Mounir Moussa Muhammad Mustafa Nabil Nader Naguib Naji Nasser Nawaf Nizar Omar Osama Qasim Rachid
    Rafiq Rami Rashid Reza Riad Saad Sabri Saeed Salah Saleh Salem Salim Salman Samir Sayed Shadi
    Sharif Suleiman Sulaiman Tamer Tariq Tarek Wael Waleed Walid Yahya Yasin Yasser Younes Youssef
    Yousef Yusuf Zaid Zakaria Ziad Zuhair Ahmet Alper Arda Burak Cem Emre Erdem Hakan Kemal Mehmet
    Murat Mustafa Recep Serkan Tuncay Yilmaz Yusuf Darius Dariush Farhad Kourosh Mahmood Parviz Ramin
    Aarav Abhishek Aditya Ajay Akash Amit Anand Anil Arjun Arun Ashok Deepak Dinesh Gaurav Gopal Hari
    Harish Jai Karan Kiran Krishna Manish Manoj Mohan Mukesh Narendra Naveen Nikhil Nitin Pankaj
    Pradeep Prakash Pranav Rahul Raj Rajesh Rajiv Rakesh Ramesh Ravi Rohan Rohit Sachin Sandeep Sanjay
    Sanjiv Shiv Shyam Siddharth Sunil Suresh Vijay Vikram Vinod Vishal Yash Arif Asif Faisal Imtiaz Nawaz
    Shahid Shahbaz Tahir Waqar Zulfikar
    Akira Daiki Haruki Hideki Hiroshi Hiro Hiroki Ichiro Kazuki Kenji Kenta Koji Makoto Masato Naoki Ryo
    Ryota Satoshi Shinji Shinzo Shota Takashi Takeshi Taro Tetsuya Yuki Yusuke Yuto Kei Kenichi Fumio
    Wei Jie Hao Lei Ming Qiang Tao Yong Feng Hui Jian Kai Liang Peng Xin Zhi
    Min-jun Ji-hoon Seo-jun Dong-hyun Jae-in Hyun Jin Joon Kwang Minh Duc Tuan
    Quang Somchai Anurak Prayut Thaksin Joko Budi Agus Bambang Rizal Ferdinand Rodrigo Manny Jose
    Kwame Kofi Kwesi Yaw Kojo Chukwu Emeka Chidi Obinna Tunde Babatunde Olumide Segun Femi Adebayo Uche
    Ikenna Musa Abubakar Bola Cyril Jacob Thabo Sipho Themba Mandla Bongani Jabulani Tendai Tafadzwa
    Juma Baraka Jomo Uhuru William Kagiso Mamadou Moussa Ousmane Amadou Ibrahima Cheikh Abdoulaye Seydou
    Didier Yaya Samuel Sadio Haile Abiy Tewodros Dawit Yohannes
    Aksel Bjarne Erling Espen Henning Jesper Jorgen Jørgen Kasper Kjell Lasse Magnus Mads Mikkel Morten
    Nils Ole Olav Rasmus Stig Tor Torben Ulf Vidar Mika Jari Jukka Teemu Pekka Ville Antti Juha
    Kimi Valtteri Sauli Ruud Sjoerd Joris Jeroen Pieter Maarten Bram Daan Stijn Thijs Wouter Koen
    Dimitris Giorgos Kostas Nikos Yannis Yiannis Christos Stavros Panagiotis Alexis Andreas Vasilis
    Gheorghe Ion Mihai Radu Vasile Viorel Florin Levente Attila Zoltan Zoltán Laszlo László Gabor Gábor
    Istvan István Tamas Tamás Péter
    Rainer Reiner Günter Günther Gunter Gunther Manfred Siegfried Hartmut Eckhard Eckart Dietrich Detlef Volker
    Holger Jörg Jochen Lothar Burkhard Bernhard Gerd Friedrich Gottfried Hermann Heiko Ingo Markus Knut Reinhold
    Rüdiger Sigmar Sönke Torsten Wolfram Armin Alois Benedikt Clemens Joschka Karsten Carsten Konrad Malte Winfried
    Hubertus Wilhelm Frank-Walter Henk Hendrik Joost Gerrit Geert Frits Rutger Willem Arjen Arjan Niek Sander Klaas
    Cornelis Kees Teun Wopke Menno Pim Sjef Wybren Bengt Christer Einar Erland Fredrik Gustav Gustaf Håkan Halvor
    Ingvar Joakim Lennart Mikael Ragnar Sigurd Sverre Terje Trond Ulrik Viggo Øystein Torbjørn Arne Eirik Erlend
    Geir Hallvard Jostein Kjetil Snorre Steinar Sindre Stian Leif Pelle Sune Svein Jens-Christian Aki Arto Eero
    Esa Harri Heikki Ilkka Jarmo Jouni Kalle Markku Matti Mikko Olli Pasi Petteri Risto Seppo Tapio Tuomas Urho
    Veikko Alain Bertrand Étienne Etienne Fabien Franck Gaël Gaston Gérard Gérald Hervé Loïc Lucien Patrice Raphaël
    Régis Rémy Serge Sylvain Thibault Valéry Yann Grégoire Jules Léon Mathis Noël Ludovic Matthieu Jérémie Édouard
    Edouard Emeric Aurélien Bastien Cédric Florent Gauthier Hugues Jean-Luc Jean-Marie Marc-André Pierre-Yves
    Alessio Claudio Corrado Daniele Dario Davide Domenico Emanuele Ettore Fabrizio Flavio Gennaro Giacomo Gian
    Giancarlo Gianni Gianluigi Gianfranco Giulio Giuliano Ignazio Marcello Massimo Maurizio Piero Pierluigi
    Renato Renzo Rocco Umberto Valerio Vittorio Gabriele Cesare Ottavio Achille Beppe Pino Romano Carmine Cosimo
    Fausto Nino Orazio Saverio Graziano Mattia Adolfo Agustín Andrés Aníbal Arnaldo Benjamín Cristóbal Damián Efraín
    Elías Emiliano Eugenio Ezequiel Facundo Fermín Germán Gilberto Hernán Hernando Horacio Iñaki Iñigo Isidro
    Jacinto Jesús Julián Leandro Leonel Lisandro Lucio Mariano Matías Maximiliano Moisés Néstor Octavio Osvaldo
    Reinaldo Rigoberto Rogelio Saúl Simón Ulises Valentín Xavi Xabi Álex Anselmo Baltasar Bernabé Camilo Ciro Darío
    Fidel Josué Leopoldo Macario Nicanor Pascual Teodoro Afonso Caio Duarte Edson Fábio Flávio Gonçalo Heitor
    Henrique Jair Júlio Luís Mário Nuno Otávio Rúben Sérgio Tiago Vítor Vitor Joaquim Inácio Fernão Geraldo Lula
    Casemiro Vinícius Rivaldo Romário Neymar Josep Oriol Pere Pau Aitor Ander Asier Gorka Iker Imanol Mikel Unai
    Xabier Carles Joan Aleš Bohumil Borislav Bronisław Czesław Damir Davor Dejan Dmytro Edvard Gennady Gennadiy
    Grigoriy Hryhoriy Janusz Jaromír Kamil Kazimierz Lech Ludvík Lukáš Marcin Matúš Mirko Mirosław Nenad Ondřej
    Pavol Predrag Przemysław Rafał Ratko Rostislav Sava Slobodan Stanisław Svyatoslav Tadeusz Tomáš Valeriy Vaclav
    Václav Veljko Vitaly Vojtěch Władysław Zdeněk Zdzisław Arkadiusz Dariusz Jacek Jarosław Leszek Łukasz Maciej
    Mariusz Paweł Radosław Ryszard Sławomir Szymon Witold Wiesław Bartosz Kacper Anatoliy Eduard Georgy Gleb Lev
    Matvei Pyotr Semyon Timofei Timur Vasiliy Yakov Yevgeniy Zakhar Artur Arsen Arseniy Vitalii Yevhen Serhii Andrii
    Rustam Ramzan Akhmat Nursultan Kassym-Jomart Ilham Heydar Alisher Shavkat Emomali Sadyr Almazbek Askar Daniyar
    Yerlan Arman Azamat Vuk Nebojša Aleksa Ivica Luka Josip Tihomir Zlatko Ante Ljubomir Radovan Vojislav Bojan
    Marjan Borut Janez Rumen Hristo Todor Georgi Plamen Dimitar Kiril Ognyan Ilir Edi Sali Besnik Hashim Ramush
    Kliment Alexandr Aleksey Gennadi Alexandros Angelos Apostolos Athanasios Charalambos Dimitrios Evangelos
    Georgios Ioannis Konstantinos Kyriakos Michalis Nikolaos Pavlos Petros Sotiris Spyros Stelios Thanasis Theodoros
    Vangelis Yanis Antonis Manolis Takis Costas Kostis Bülent Cengiz Ekrem Ercan Fatih Ferhat Gökhan Hüseyin İsmet
    Kaan Kerem Levent Mesut Mevlüt Nihat Okan Onur Orhan Osman Ozan Selim Selçuk Sinan Tolga Uğur Volkan Yavuz Yiğit
    Berat Binali Devlet Ekmeleddin Numan Süleyman Tayyip Bekir Hulusi Ömer Özgür Tanju Cenk Halil Hikmet Mahmut
    İlker Necmettin Turgut Kenan Abolfazl Akbar Arash Babak Behrouz Ebrahim Esmaeil Hamed Hashem Javad Kamran Kaveh
    Mehran Mojtaba Morteza Payam Peyman Pouya Rahim Sajjad Shahram Siamak Vahid Zalmay Gulbuddin Shehbaz Bilawal
    Shoaib Wasim Babar Fawad Junaid Usman Zubair Zafar Zahid Pervez Qamar Sohail Ehsan Jalil Kazem Mahmud Mohammad-
    Javad Nouri Qasem Ali-Akbar Abdelaziz Abdelkader Abdelmadjid Abdelfattah Adil Alaa Anas Ayoub Azzam Badr Bashir
    Fares Fathi Fayez Ghazi Hamdi Hamdan Haitham Hilal Husam Ihab Iyad Jalal Jassim Kareem Khalifa Louay Maher Mahdi
    Mamdouh Mazen Moataz Mohannad Muammar Munir Mustapha Nabeel Naser Nidal Nuri Omran Qais Raed Ramzi Rashed Riyad
    Saif Samer Sameh Taha Talal Tawfiq Usama Wissam Yassin Yazan Zaki Zayed Hosni Gamal Mohamad Muhammed Mehmed
    Abdelilah Abdelhamid Abdessalam Hicham Driss Mohand Saïd Kais Rached Beji Moncef Lotfi Abdelmalek Abhay Abhijit
    Ajit Akhil Alok Amitabh Anirudh Ankit Anupam Arvind Ashish Atul Avinash Balaji Bharat Chandra Chetan Devendra
    Dhruv Dilip Ganesh Girish Gautam Harsh Hemant Ishaan Jagdish Jayant Jitendra Kailash Kamlesh Kapil Kartik
    Karthik Kishore Kunal Lalit Mahesh Mayank Milind Mukul Murali Nagendra Nandan Narayan Nilesh Niraj Prashant
    Pratap Praveen Pritam Raghav Raghu Rajendra Rajnath Ramachandra Ranjit Ratan Ritesh Sai Sandip Sanjeev Santosh
    Satish Saurabh Shankar Shashi Shekhar Shivam Shubham Siddhant Subhash Sudhir Sumit Surendra Sushil Tarun Tushar
    Uday Umesh Varun Venkat Venkatesh Vikas Vinay Vineet Vipin Vishnu Vivek Yogesh Vignesh Senthil Murugan Selvam
    Harpreet Gurpreet Jaspreet Manpreet Navjot Amarinder Jagmeet Harjit Kuldeep Sukhbir Mizanur Mahbub Anisul
    Rafiqul Shafiqul Saiful Tarique Mahinda Gotabaya Ranil Maithripala Anura Sajith Rishi Sundar Satya Ravindra
    Rabindranath Jawaharlal Rajinder Virat Sourav Jasprit Ravichandran Cheteshwar Ajinkya Shikhar Hardik Ishant
    Yuzvendra Shashank Keshav Mallikarjun Nitish Lalu Akhilesh Arvinder Farooq Pranab Manmohan Morarji Inder
    Chandrababu Jaganmohan Atsushi Daisuke Fumihiko Haruto Hayato Hideo Hirokazu Hitoshi Isamu Jiro Junichiro Kaito
    Kazuo Kazuhiro Keisuke Kenichiro Kentaro Koichi Kosuke Kunio Masaaki Masahiro Masayoshi Minoru Mitsuo Nobuo
    Nobuyuki Noriaki Osamu Ren Riku Ryuichi Shigeru Shinichi Shintaro Shohei Shoji Sota Susumu Tadashi Takahiro
    Takuya Tatsuya Teruo Tomohiro Toru Toshiaki Toshihiro Tsuyoshi Yasuhiro Yasuo Yoichi Yoshihide Yoshihiko Yoshiro
    Yoshio Yuichi Yukio Yutaka Yuzuru Hayao Haruhiko Kazuhiko Kenzo Kiyoshi Masashi Naoya Ryosuke Seiji Shigeo
    Taichi Takumi Yoshitaka Yuji Tomoaki Hidetoshi Kohei Ryu Prayuth Srettha Anutin Chuan Abhisit Somsak Surapong
    Wichai Sompong Apichart Nattapong Chaiwat Kittisak Somkiat Supachai Thanakorn Mahathir Najib Muhyiddin Prabowo
    Gibran Susilo Hendra Irfan Wahyu Benigno Jejomar Ariel Hishammuddin Tharman Vivian Abiola Adewale Ademola
    Adeyemi Akinwumi Ayodele Bamidele Chijioke Chinedu Chukwuemeka Chibuike Ebuka Ekene Folarin Ifeanyi Jide Kayode
    Kelechi Kolawole Kunle Nnamdi Obafemi Olusegun Oluwaseun Rotimi Seun Sola Yakubu Yemi Atiku Muhammadu Kashim
    Nasir Aliko Aminu Danjuma Garba Lamido Sani Shehu Umaru Kwabena Kwaku Kwadwo Akwasi Eliud Raila Mwai Kalonzo
    Musalia Wafula Njoroge Julius Siya Lungisa Mmusi Bheki Kgalema Gwede Enoch Pravin Mcebisi Emmerson Farai Tinashe
    Kudakwashe Tatenda Chenjerai Yoweri Meles Isaias Jakaya Alassane Macky Bassirou Assimi Mahamat Idriss Faure
    Aliou Babacar Modou Moustapha Pape Serigne Souleymane Lamine Malick Ismaïla Kalidou Idrissa Youssou Salif Adama
    Sekou Sékou Boubacar Mahamadou Issoufou Blaise Roch Laurent-Désiré Hage Hakainde Lazarus Mokgweetsi Seretse
    Kizza Gervais Pierre-Emerick Asamoah Jay-Jay Nwankwo Wilfred Kenenisa Abebe Tirunesh Avi Avraham Benny Binyamin
    Boaz Dov Ehud Eitan Eli Eliezer Gadi Gideon Gilad Itamar Itzhak Yitzhak Moshe Naftali Nir Ofer Oren Reuven
    Shimon Shlomo Uri Yair Yaakov Yoav Yossi Yuval Ze'ev Bezalel Gabi Herzi Yoel Yehuda Shaul Aryeh Menachem
    Mordechai Natan Yigal Yonatan Zvi Aled Bryn Cathal Ciarán Ciaran Cian Colm Conall Cormac Dafydd Dara Darragh
    Dermot Diarmuid Donal Dónal Eamon Éamon Eamonn Emyr Eoin Fergal Fergus Fintan Gwyn Iain Iwan Lorcan Micheál
    Niall Oisín Padraig Pádraig Rhodri Rhys Ruairí Seán Séamus Tadhg Hywel Huw Emlyn Gruffydd Alun Geraint
    Ieuan Ifan Cillian Ronan Oisin Enda Mícheál Ruaidhrí Neville Rowan Spencer Desmond Emmett Giles Graeme Harrison
    Humphrey Jeremiah Kenny Kristian Lachlan Leland Lester Lyle Maxwell Melvin Mervyn Monty Nathanael Norris
    Oswald Percival Randolph Reuben Roderick Royce Rufus Sheldon Sylvester Terrence Thaddeus
    Trent Tristan Vaughn Vince Wendell Wilbur Winston Zane Ambrose Alvin Bernie Clarence Cecil Darryl Dwayne
    Dwight Elvis Ernie Everett Garry Gil Harlan Hal Irving Jeffery Lamar Lenny Lonnie Marlon Mickey Myron Nelson
    Ozzie Reid Roscoe Rudolph Sammy Vern Virgil Wes Darnell DeShawn Jamar Jaylen Jalen Keon Lamont Rashad Terrell
    Tyrone Tremaine Demetrius Deandre Jermaine Kendrick LeBron Shaquille Tyreek Homer Luther Jasper Barnaby Crispin
    Alasdair Alastair Callum Euan Lorne Murdo Torquil Mungo Ruaridh Cuthbert Digby Dominick Edmond Gerrard Horace
    Ivor Jolyon Rodger Tarquin Dorian Emery Errol Garfield Godfrey Jerald Kermit Kirby Mortimer Nolan Orson Otis
    Ulysses Wilfredo Woodrow Zachariah Elon Kanye Barack Mitt Newt Beto Rand Rahm Hakeem Lindsey
    Brandon Franklin Grover Keir Lyndon Millard
""".split())

FEMALE = frozenset("""
    Adaeze Adrienne Alberta Alyssa Antoinette Aoife Arlene Bernice Bertha Bessie Betsy Beulah Blanca Brandi Brittany
    Candice Carrie Cecelia Chelsea Chiamaka Chidinma Christie Christy Ciara Colleen Connie Darla Darlene Deanna Deb
    Della Delores Desiree Dianna Dianne Doreen Edna Eileen Elsie Erma Ernestine Estelle Ethel Eula Eunice Fannie
    Faye Felicia Freda Gail Gayle Genevieve Gertrude Gladys Glenda Hattie Hilda Hiroko Huong Inez Irma Jacquelyn
    Janie Janis Jeanette Jeannie Jennie Joann Jodi Juanita Kara Karla Kelley Kelli Kellie Kelsey Kendra Krista
    Kristi Kristie Kristine Kristy Krystal Kyoko Latoya Laverne Lela Leona Leticia Lila Lillie Lindsey Lois Lora
    Lorene Loretta Lori Lucille Lula Lynda Lynette Lynne Mable Madeline Mae Maire Mamie Mandy Marcella Marcia
    Margaret Margarita Margie Marguerite Marsha Maryann Mattie Meghan Melba Melody Mindy Minnie Muriel Myra Myrtle
    Máire Naoko Nellie Nettie Niamh Nichole Nyambura Pam Patsy Patti Patty Paulette Peggy Rachael Rosalie Rosemarie
    Rosie Roisin Róisín Sadie Saoirse Shari Shawna Shelia Shelly Sheri Sherri Sherry Sheryl Siobhan Siobhán Sonya
    Stacey Sue Susie Tabitha Tami Tasha Teri Terri Thelma Thuy Tonya Tracey Traci Tricia Velma Verna Vicki Vickie Vicky
    Victoria Wambui Winifred
    Abby Abigail Ada Adele Adriana Agatha Agnes Aileen Aimee Alana Alba Alejandra Alessandra Alexa Alexandra
    Alice Alicia Alina Alison Alissa Allison Alma Amalia Amanda Amber Amelia Amelie Amy Ana
    Anastasia Andrea Angela Angelica Angelina Angie Anita Ann Anna Annabel Anne Annette Annie Antonella
    Antonia Ariana Ashley Astrid Audrey Aurora Ava Barbara Beatrice Beatriz Becky Belinda Bella
    Bernadette Beth Bethany Betty Beverly Bianca Birgit Brenda Bridget Brigitte Britney Brooke Camila
    Camille Candace Cara Carla Carmen Carol Carole Caroline Carolyn Cassandra Catalina Catherine Cathy
    Cecilia Celia Celine Céline Chantal Charlene Charlotte Cheryl Chiara Chloe Christa Christina
    Christine Cindy Claire Clara Clare Claudia Colette Constance Cora Courtney Cristina Crystal Cynthia
    Daisy Dana Daniela Danielle Daphne Debbie Deborah Debra Delia Denise Diana Diane Dolores Dominique
    Donna Dora Doris Dorothy Edith Elaine Eleanor Elena Eleonora Eliana Elisa Elisabeth Elise Eliza
    Elizabeth Ella Ellen Ellie Eloise Elsa Elvira Emilia Emily Emma Erica Erika Erin Esther Eugenia Eva
    Evelyn Fabiola Felicity Fernanda Fiona Flora Frances Francesca Francine Frida Gabriela
    Gabriella Gabrielle Gemma Georgina Geraldine Gina Giovanna Giulia Gloria Grace Greta Gretchen
    Gwen Gwendolyn Hannah Harriet Hayley Hazel Heather Heidi Helen Helena Helene Hélène Henrietta Hilary
    Hillary Holly Ida Ilse Ines Inés Ingrid Irene Iris Isabel Isabella Isabelle Isla Ivy Jackie Jacqueline
    Jade Jana Jane Janet Janice Jasmine Jean Jeanne Jeannette Jenna Jennifer Jenny Jessica Jill Joan Joanna
    Joanne Jocelyn Johanna Josephine Josefina Joyce Juana Judith Judy Julia Juliana Julie Juliet Juliette
    Justine Karen Karin Karina Kate Katharina Katherine Kathleen Kathryn Kathy Katie Katrin Katrina Kayla
    Kelly Kerry Kim Kimberly Kirsten Kristen Kristin Kristina Laura Lauren Laurence Laurie Layla Leah Lena
    Leonie Leslie Lia Liliana Lillian Lily Linda Lindsay Lisa Liz Lola Lorena Lorraine Louisa Louise Lucia
    Lucía Luciana Lucie Lucy Luisa Luz Lydia Lynn Mabel Madeleine Magdalena Maggie Maria María
    Mariana Marianne Marie Marilyn Marina Marion Marisa Marjorie Marlene Martha Martina Mary Matilda Maureen
    Maxine Maya Megan Melanie Melinda Melissa Meredith Mia Michaela Michele Michelle Mildred
    Milena Miranda Miriam Molly Monica Monika Monique Nadia Nadine Nancy Naomi Natalia Natalie
    Natasha Nathalie Nell Nicola Nicole Nicoletta Nina Nora Norma Olivia Paige Pamela Paola Patricia Paula
    Paulina Pauline Pearl Penelope Penny Petra Philippa Phoebe Phyllis Pilar Polly Priscilla Rachel Ramona
    Raquel Rebecca Renata Renee Renée Rhonda Rita Roberta Robyn Rochelle Rosa Rosalind Rosanna Rose
    Rosemary Roxanne Ruby Ruth Sabine Sabrina Sally Samantha Sandra Sara Sarah Sasha Scarlett Serena
    Shannon Sharon Sheila Shelley Shirley Sienna Silvia Simona Simone Sofía Sofia Sonia Sonja Sophia Sophie
    Stacy Stella Stephanie Susan Susana Susanne Suzanne Sylvia Sylvie Tamara Tammy Tanya Tara Teresa Tess
    Tessa Thea Theresa Tiffany Tina Tracy Ulla Ursula Valentina Valeria Valerie Vanessa Vera Veronica
    Veronika Viola Violet Virginia Vivian Viviane Wanda Wendy Whitney Wilma Yolanda Yvette Yvonne
    Zoe Zoë Alla Anastasiya Daria Darya Dasha Ekaterina Galina Halyna Irina Iryna Katarzyna Kateryna Larisa
    Lyudmila Malgorzata Małgorzata Mariya Marta Milica Nadezhda Natalya Nataliya Oksana Olena Olga Polina
    Svetlana Tatiana Tatyana Valentyna Vesna Yana Yelena Yekaterina Yulia Yuliya Zofia Zuzana Agnieszka
    Aisha Amal Amina Asma Aya Dalia Dina Fatima Fatma Farah Ghada Hala Hanan Hanaa Hana Hiba Huda Iman Jamila
    Khadija Lamia Layla Leila Lina Maha Mariam Maryam Mona Nadia Najla Nour Noura Rania Rana Reem Salma
    Samira Sana Sara Shirin Soraya Yasmin Yasmine Zahra Zainab Zeynep Ayse Ayşe Elif Emine Merve Esra
    Aishwarya Ananya Anjali Anusha Deepa Deepika Divya Gita Indira Kavita Lakshmi Meena Neha Nisha Pooja
    Priya Priyanka Radha Rani Rekha Sangeeta Sarita Shreya Sita Sonal Sunita Swati Uma Usha Vandana Benazir
    Maryam Malala Aiko Akiko Ayumi Emi Haruka Hina Keiko Kumiko Mai Mariko Megumi Naomi Noriko Sakura
    Sayaka Tomoko Yoko Yuko Yumi Yuriko Mei Ling Xiu Ying Yan Hua Fang Jing Qing Xia Yun
    Ji-woo Seo-yeon Min-ji Soo-jin Hye-jin Eun-ji Thi Linh Mai Ngoc Anh Siti Dewi Megawati Yingluck
    Ama Abena Akosua Adwoa Ngozi Chioma Nkechi Folake Funmilayo Yetunde Amara Nneka Wanjiru Wangari Achieng
    Nomvula Thandiwe Thandi Zanele Lerato Naledi Aminata Fatou Awa Mariama Aissatou
    Agneta Anneli Anniken Britt Elin Freja Freya Gunilla Hanne Ingrid Kari Karin Kerstin Liv Maja Malin
    Marit Mette Sanna Sigrid Siri Solveig Tove Tuula Annika Aino Eeva Kaisa Sanne Femke Fleur Marieke
    Eleni Katerina Maria Dora Ioana Andreea Raluca Ileana Ágnes Katalin Zsuzsa Erzsebet
    Kamala Nikki Ilhan Jacinda Giorgia Kristalina Gita Oprah Serena Greta
    Aisling Bríd Caoimhe Clodagh Deirdre Eimear Gráinne Mairéad Maeve Méabh Nuala Orla Orlaith Sinéad Sinead Úna Una
    Cerys Ffion Rhiannon Sian Siân Catrin Eluned Angharad Bethan Carys Morag Kirsty Eilidh Ailsa Catriona Mhairi
    Fionnuala Mary-Lou Allie Alyson Annabelle Arabella Ashlee Bonnie Brianna Briana Bridgette Caitlin Kaitlyn Callie
    Carina Carly Cassidy Cecily Celeste Clarissa Cleo Corinne Daniella Darcy Delilah Dionne Dorothea Edwina Emmeline
    Esme Evangeline Fay Gillian Ginny Gwyneth Imogen Isobel Jacinta Janine Jemima Jessie Joanie Jodie Josie Julianne
    Kathrine Katy Kayleigh Keira Kerri Kimberley Lacey Lara Leanne Liana Libby Lilian Lindy Lisette Lorna Lottie
    Lucinda Lynsey Mallory Marcie Margot Marianna Marissa Marla Maisie Melania Meryl Millie Mimi Mirabel Moira Nadya
    Nanette Noelle Octavia Odette Ophelia Pippa Rae Rebekah Rhoda Rosalyn Roxana Sabina Selena Shana Shauna Sheena
    Stacie Sybil Tallulah Tamsin Tania Theodora Trudy Vivienne Wilhelmina Yasmina Zelda Zora Condoleezza Ketanji
    Tulsi Ayanna Rashida Kyrsten Kaitlan Karine Jeanine Letitia Elissa Jaime Mazie Cori Haley Halle Beyoncé Rihanna
    Madonna Camilla Zendaya Whoopi Aurélie Anaïs Amandine Cécile Chloé Clémence Delphine Élisabeth Élise Emmanuelle
    Françoise Geneviève Ginette Héloïse Inès Josiane Laetitia Léa Manon Mathilde Maud Mireille Océane Pascale
    Rachida Roselyne Ségolène Solène Valérie Véronique Virginie Agnès Annick Béatrice Christiane Claudine Evelyne
    Gisèle Huguette Josette Liliane Lucienne Martine Michèle Odile Thérèse Anne-Marie Marie-Claude Marlène Nadège
    Alessia Arianna Benedetta Caterina Donatella Elisabetta Federica Gianna Ginevra Giuliana Ilaria Letizia Lorenza
    Michela Ornella Patrizia Rossella Stefania Vittoria Carolina Loredana Mariangela Mariastella Emanuela Raffaella
    Annalisa Cinzia Debora Flavia Franca Lucrezia Manuela Maristella Mariella Mirella Nunzia Rosaria Rosella
    Silvana Tiziana Amparo Ángela Araceli Begoña Concepción Consuelo Esperanza Estela Florencia Graciela Guadalupe
    Inmaculada Jimena Leonor Lourdes Marisol Milagros Mónica Nerea Nieves Nuria Núria Rocío Soledad Verónica Xiomara
    Ximena Gisela Silvina Ainhoa Aitana Itziar Maite Idoia Yesenia Rigoberta Delcy Evita Mariela Noemí Rosario
    Tabata Yanet Joana Larissa Letícia Luana Patrícia Priscila Thaís Marielle Dilma Gleisi Benedita Graça Conceição
    Lúcia Rafaela Regina Sônia Tereza Anja Anke Annalena Annegret Antje Bärbel Barbel Britta Corinna Dagmar Elke
    Franziska Frauke Gabriele Gerda Gudrun Hannelore Heike Helga Hildegard Inge Ingeborg Jutta Katja Lieselotte
    Luise Margarete Marlies Meike Renate Sahra Saskia Silke Stefanie Svenja Tanja Ulrike Ute Waltraud Wiebke Malu
    Anneke Annemarie Els Hanneke Jolanda Lotte Mieke Kajsa Anette Birgitta Cecilie Dagny Ebba Ellinor Emelie Erna
    Hanna Helle Hilde Inger Johanne Karoline Lene Linnea Lisbeth Magnhild Märta Nanna Pernille Ragnhild Ronja Signe
    Sissel Stina Sofie Therese Trine Turid Unni Vibeke Åsa Jonna Lotta Pirjo Päivi Riikka Minna Leena Marja Satu
    Tarja Tiina Henna Jenni Outi Sirpa Katrín Guðrún Sigríður Jóhanna Halla Ásta Mette-Marit Alena Bozena Božena
    Danuta Dorota Elżbieta Ewa Grażyna Halina Irena Iwona Jadwiga Jolanta Justyna Kamila Katarína Krystyna Lenka
    Ludmila Marketa Markéta Marzena Milada Nataša Olesya Sylwia Urszula Věra Vlasta Weronika Zdenka Zlata Zuzanna
    Beata Agata Aleksandra Ewelina Ilona Izabela Karolina Klaudia Kinga Lidia Roksana Wioletta Ksenia Kseniya Alyona
    Anfisa Arina Evgenia Inna Kira Lilia Lyubov Raisa Sofya Viktoria Zhanna Zoya Yevgenia Ulyana Olha Lesia Ruslana
    Svitlana Yuliia Liudmyla Mariia Tetiana Maia Natela Salome Tinatin Nino Ketevan Mzia Jelena Ljiljana
    Snežana Dragana Gordana Mirjana Slavica Biljana Kolinda Ivana Zorana Roza Dilnoza Gulnara Aigerim Asel Aliya
    Saule Dariga Aikaterini Athina Despina Dimitra Eirini Evangelia Ioanna Konstantina Panagiota Vasiliki Fofi Niki
    Aslı Aylin Ayşegül Başak Berna Burcu Büşra Cansu Derya Didem Ebru Feride Gamze Gizem Gül Gülay Gülsen Hande
    Hatice Hülya İpek Leyla Meltem Nazlı Özlem Pınar Selin Serap Sevgi Sibel Songül Tuba Tuğba Yasemin Zehra
    Canan Meral Tansu Sezen Sertab Aysel Nilüfer Nihal Dilek Sebnem Şebnem Azadeh Fariba Farideh Fatemeh Mahsa Masih
    Mina Narges Nasrin Nazanin Niloofar Parisa Parvin Roya Sepideh Simin Soheila Tahereh Mahnaz Homa Golshifteh
    Shohreh Jina Nasim Ladan Abeer Afaf Alya Amani Amira Asmaa Basma Bushra Duaa Eman Fadwa Fairuz Ghadir Hadeel
    Halima Hanadi Ibtisam Inas Jumana Lamis Lubna Lujain Madiha Manal Maysa Maysoon Mervat Naila Najwa Nawal Nesreen
    Nisreen Noor Raghad Rajaa Randa Rasha Rawan Razan Rola Rula Ruba Safaa Sahar Samar Sawsan Shaima Suad Suha
    Sumaya Tahani Wafa Widad Zeina Zeinab Zaina Lamya Loujain Hoda Nagla Dalal Souad Karima Latifa Malika
    Naima Saida Zohra Wahiba Samia Houda Nabila Aarti Abha Ambika Amrita Anupama Aparna Archana Arundhati Asha
    Bhavna Chitra Damini Disha Geeta Gauri Hema Isha Jaya Jyoti Kajal Kalpana Karishma Lata Leela Madhu
    Madhuri Mamata Mayawati Meera Mira Nandini Nirmala Nita Padma Pallavi Parvati Poonam Preeti Priti Rashmi Renu
    Ritu Roshni Ruchi Sadhana Sakshi Savita Seema Shabana Shalini Shanti Sharmila Shikha Shilpa Shobha Shweta Smita
    Smriti Sneha Sudha Suman Supriya Sushma Swara Tanvi Trisha Vasundhara Vidya Yamini Mahua Mehbooba Nupur Mehwish
    Nasreen Nusrat Rabia Saima Samina Shazia Sumaira Uzma Khaleda Hasina Chandrika Sirimavo Indu Jayalalithaa Sonali
    Mithali Harmanpreet Saina Sania Hima Dipa Mirabai Nirupama Kanimozhi Draupadi Pratibha Sarojini Sucheta Kiran
    Alia Kareena Anushka Kangana Madhubala Nargis Shabnam Fehmida Amna Ayesha Farida Chie Chiaki Eri Fumiko Hanako
    Haruko Hitomi Kaori Kazuko Kaede Kanako Mayumi Michiko Midori Miho Mika Miki Misaki Mitsuko Momoko Nana Natsuko
    Reiko Rie Rina Sachiko Saori Satoko Setsuko Shiori Takako Yui Yumiko Yuna Yoshiko Akane Asuka Ayaka Chihiro
    Emiko Junko Kiyoko Machiko Masako Sanae Yuka Yukiko Tomomi Hikari Seiko Renho Tamayo Toshiko Adanna Adesuwa
    Amaka Ashaki Bisi Busisiwe Chimamanda Ebele Efua Ekaete Esi Folasade Funke Ifeoma Ijeoma Kemi Kike Lindiwe
    Nkosazana Nomsa Ntombi Nyokabi Obiageli Oluchi Omolara Oyinda Sade Simisola Temitope Thuli Titilayo Tolu Uju
    Wanjiku Yewande Zandile Zodwa Akinyi Atieno Njeri Wairimu Winnie Fatoumata Kadiatou Oumou Rokia Ramatoulaye
    Ndeye Coumba Mpho Sahle-Work Leymah Fikile Nosiviwe Thandeka Khanyi Bonang Nomzamo Folorunsho Oby Hadiza Hauwa
    Asabe
""".split())

UNISEX = frozenset("""
    Harpreet Gurpreet Jaspreet Manpreet Sukhpreet Navpreet Navjot Amandeep Mandeep Navdeep Gurdeep Harjinder
    Jaswinder Sukhwinder Kulwinder Parminder Baljinder Gurinder Manjinder Balwinder Davinder Rupinder Ramandeep
    Yuki Makoto Jin Hyun Wei Ji-woo
""".split())
"""Given names borne by women and men alike: Punjabi ones (Kaur or Singh after them tells which), and East Asian
ones the lexicon cannot tell (Yuki, Wei); not Western ones borne mostly by one sex (Alex, Sam), whose "he" or "she"
says more than it misleads."""

GIVEN_NAMES = MALE | FEMALE | UNISEX
GENDER_MARKS = {"Kaur": "f", "Singh": "m"}
"""Names after a given name that tell whether its bearer is a woman or a man (Sikh custom)."""


def gender_of(first_name: str) -> str:
    """Return "m" or "f" when the given name tells, else ""."""
    if first_name in UNISEX:
        return ""
    if first_name in FEMALE and first_name not in MALE:
        return "f"
    if first_name in MALE and first_name not in FEMALE:
        return "m"
    return ""


def gender_of_name(words: list[str]) -> str:
    """Return "m" or "f" when a person's name tells (its given name, else a mark such as Kaur after it), else ""."""
    told = gender_of(words[0])
    if not told and len(words) > 2 and (len(words[0]) == 2 and words[0][1] == "." or words[0] == "Ma."):
        told = gender_of(words[1])  # "J. Robert Oppenheimer", "Ma. Luisa Delgado-Reyes", not "Fr. Kim Nguyen"
    return told or next((GENDER_MARKS[word] for word in words[1:] if word in GENDER_MARKS), "")

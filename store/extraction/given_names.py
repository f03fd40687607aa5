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
    Scott Seamus Sean Sebastian Sebastián Sebastien Sébastien Sergio Seth Shane Shaun Shawn Sidney Silvio
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
    Rosie Roisin Róisín Sadie Saoirse Shari Shawna Shelia Shelly Sheri Sherri Sherry Sheryl Siobhan Sonya Stacey Sue
    Susie Tabitha Tami Tasha Teri Terri Thelma Thuy Tonya Tracey Traci Tricia Velma Verna Vicki Vickie Vicky
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
""".split())

GIVEN_NAMES = MALE | FEMALE


def gender_of(first_name: str) -> str:
    """Return "m" or "f" when the given name tells, else ""."""
    if first_name in FEMALE and first_name not in MALE:
        return "f"
    if first_name in MALE and first_name not in FEMALE:
        return "m"
    return ""

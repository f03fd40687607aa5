"""Common given names as generic data, to recognize a person's name and guess the pronoun used for them."""

from __future__ import annotations

MALE = frozenset("""
    Aaron Abdul Abdullah Adam Adrian Ahmad Ahmed Alan Alberto Alejandro Alex Alexander Alexandre Alexei
    Alfred Ali Amir Anders Andre Andrea Andreas Andrei Andrew Andrey Andriy Andy Angelo Anthony Antoine
    Antonio Arnold Arthur Ashok Barack Ben Benjamin Bernard Bill Billy Bob Boris Brad Brandon Brent Brian
    Bruce Bruno Carl Carlos Charles Charlie Chris Christian Christopher Colin Craig Dan Daniel Danny David
    Dennis Denis Diego Dmitry Dmitri Donald Doug Douglas Duncan Ed Eddie Edward Emmanuel Enrique Eric Erik
    Ethan Fabio Felipe Feliciano Fernando Francesco Francis Francisco Frank Franz Fred Frederick Fuad Gabriel
    Gary George Gerard Gerhard Giovanni Giuseppe Gordon Graham Greg Gregory Guido Guillermo Hamid Hans Harry
    Hassan Henry Hector Hugo Hunter Hussein Ian Ibrahim Igor Isaac Ivan Jack Jacob Jake James Jamie Jan
    Jason Javier Jean Jeff Jeffrey Jeremy Jerome Jim Jimmy Joe Joel Johan Johann John Johnny Jon Jonathan
    Jorge Jose José Joseph Josh Joshua Juan Julian Justin Kamal Karim Karl Keith Ken Kenneth Kevin Khaled
    Khalid Kim Kurt Larry Lars Leo Leon Leonardo Lloyd Louis Luc Luca Lucas Luis Luke Marc Marcel Marco Marcus
    Mario Mark Martin Mateo Matt Matthew Max Maximo Michael Michel Miguel Mike Mikhail Mohamed Mohammad
    Mohammed Muhammad Nabil Nathan Neil Nicholas Nick Nicolas Nikolai Noah Novak Oleg Oliver Omar Oscar
    Pablo Patrick Paul Pedro Peter Philip Philippe Pierre Rafael Rahul Ralph Ramon Raul Ray Raymond Reza
    Ricardo Richard Rick Rob Robert Roberto Robin Rod Roger Roman Ron Ronald Rudy Russell Rustem Ryan Said
    Salman Sam Samuel Scott Sean Sebastian Sergei Sergey Sergio Simon Stefan Stephen Steve Steven Stuart
    Suleiman Tariq Ted Thomas Tim Timothy Todd Tom Tony Travis Tyler Victor Viktor Vincent Vladimir
    Volodymyr Walter Wayne William Xavier Yasser Yuri Yusuf Zach Zhang Kwame Hamza Jorge Lionel Cristiano
    Rishi Narendra Xi Kurt Mitch Chuck Lindsey Marco Rand Ted Bernie Pete Kevin Jared Steven Lloyd Antony
    Olaf Emmanuel Recep Benjamin Bashar Abdel Vladimir Sergei Dmitry Alexei Kirill Yevgeny Volodymyr Petro
    Oleksandr Oleksiy Vitali Vitaliy Denys Andrzej Mateusz Viktor Janos Boyko Aleksandar Milorad
""".split())

FEMALE = frozenset("""
    Abigail Ada Adriana Agnes Aiko Alexandra Alice Alicia Alison Amanda Amara Amber Amelia Amy Ana Anastasia
    Andrea Angela Angelina Anita Ann Anna Anne Annie Antonia Ashley Audrey Barbara Beatriz Becky Betty
    Beverly Brenda Brigitte Camila Carla Carmen Carol Caroline Catherine Cecilia Charlotte Chloe Christina
    Christine Claire Clara Claudia Cynthia Daisy Dana Daniela Deborah Diana Diane Dolores Donna Doris
    Dorothy Edith Elena Elisabeth Elizabeth Ella Ellen Emily Emma Erica Erin Esther Eva Evelyn Fatima Fiona
    Frances Francesca Freya Gabriela Gina Gloria Grace Gwynne Hannah Heather Helen Helena Hillary Ines Ingrid
    Irene Isabel Isabella Jacqueline Jane Janet Janice Jasmine Jean Jennifer Jessica Jill Joan Joanna
    Josephine Joyce Judith Judy Julia Julie Karen Kate Katherine Kathleen Kathryn Katie Kelly Kim Kimberly
    Laura Lauren Layla Leila Lena Linda Lisa Liz Lucia Lucy Lydia Madeleine Maria Marie Marina Marion
    Martha Mary Maya Megan Mei Melania Melissa Mia Michelle Monica Nadia Nancy Natalia Natalie Nicola Nicole
    Nina Olga Olivia Pamela Patricia Paula Pauline Penny Priya Rachel Rebecca Rita Rosa Rose Ruth Sabine
    Samantha Sandra Sara Sarah Sharon Shirley Silvia Sofia Sonia Sophie Stephanie Susan Suzanne Svetlana
    Tamara Teresa Theresa Tina Ursula Valentina Valerie Vanessa Veronica Victoria Virginia Wendy Yulia Zara
    Kamala Nikki Elise Marjorie Lauren Ilhan Alexandria Liz Nancy Hillary Angela Theresa Jacinda Sanna
    Giorgia Marine Ursula Christine Kristalina Janet Gita Nadine Greta Malala Oprah Serena Venus Simone
""".split())

GIVEN_NAMES = MALE | FEMALE


def gender_of(first_name: str) -> str:
    """Return "m" or "f" when the given name tells, else ""."""
    if first_name in FEMALE and first_name not in MALE:
        return "f"
    if first_name in MALE and first_name not in FEMALE:
        return "m"
    return ""

package fr.tremplin.applications.domain.document;

import java.util.List;

/**
 * The legal text of the convention de stage d'observation en milieu professionnel pour les élèves de 3e, after the
 * model convention of the ministry of education: the texts it rests on, then its articles (status and no
 * remuneration, activities, liability and insurance, hours of a pupil under 15, accidents, electronic signature).
 * Plain text, French; {@link ConventionPdf} lays it out.
 */
public final class ConventionText {

    public static final String TITLE = "Convention de stage d'observation en milieu professionnel";
    public static final String SUBTITLE = "pour les élèves de classe de troisième";

    public static final List<String> GROUNDS = List.of(
            "Vu le code du travail, et notamment son article L. 4153-1 ;",
            "Vu le code de l'éducation, et notamment ses articles L. 332-3-1 et D. 332-14 ;",
            "Vu le code civil, et notamment son article 1242 ;",
            "il est convenu ce qui suit entre les parties désignées ci-dessous.");

    public record Article(String title, String text) {
    }

    public static final List<Article> ARTICLES = List.of(
            new Article("Article 1 – Objet",
                    "La présente convention a pour objet la mise en œuvre, au bénéfice de l'élève désigné ci-dessus, "
                            + "scolarisé en classe de troisième, d'une séquence d'observation en milieu professionnel, "
                            + "en application des articles L. 332-3-1 et D. 332-14 du code de l'éducation."),
            new Article("Article 2 – Objectifs",
                    "La séquence d'observation a pour objectif de sensibiliser l'élève à l'environnement "
                            + "technologique, économique et professionnel, en liaison avec les programmes "
                            + "d'enseignement, notamment dans le cadre de l'éducation à l'orientation. Son "
                            + "organisation est déterminée d'un commun accord entre le responsable de l'organisme "
                            + "d'accueil et le chef d'établissement."),
            new Article("Article 3 – Statut de l'élève, absence de rémunération",
                    "L'élève demeure sous statut scolaire durant la séquence d'observation. Il reste sous "
                            + "l'autorité et la responsabilité du chef d'établissement. Il ne peut prétendre à "
                            + "aucune rémunération ni gratification de la part de l'organisme d'accueil."),
            new Article("Article 4 – Activités",
                    "Durant la séquence d'observation, l'élève n'a pas à concourir au travail de l'organisme "
                            + "d'accueil. Il peut effectuer des enquêtes en liaison avec les enseignements et "
                            + "participer à des activités, à des essais ou à des démonstrations, sous le contrôle de "
                            + "son tuteur. Il n'accomplit aucun des travaux interdits aux jeunes de moins de dix-huit "
                            + "ans par le code du travail et n'utilise aucune machine, aucun appareil ni aucun "
                            + "produit dangereux."),
            new Article("Article 5 – Responsabilité civile et assurances",
                    "Le responsable de l'organisme d'accueil prend les dispositions nécessaires pour garantir sa "
                            + "responsabilité civile chaque fois qu'elle sera engagée, soit par la souscription d'une "
                            + "assurance particulière, soit par un avenant relatif à l'accueil d'élèves à son contrat "
                            + "de responsabilité civile. Le chef d'établissement contracte une assurance couvrant la "
                            + "responsabilité civile de l'élève pour les dommages qu'il pourrait causer pendant la "
                            + "séquence d'observation, dans l'organisme d'accueil, en dehors de celui-ci ou sur le "
                            + "trajet qui y mène."),
            new Article("Article 6 – Accident",
                    "En cas d'accident survenant à l'élève dans l'organisme d'accueil ou au cours du trajet, le "
                            + "responsable de l'organisme d'accueil s'engage à adresser la déclaration d'accident au "
                            + "chef d'établissement dans la journée où l'accident s'est produit, ou au plus tard dans "
                            + "les vingt-quatre heures."),
            new Article("Article 7 – Horaires",
                    "Les horaires journaliers de l'élève sont ceux indiqués ci-dessus. L'élève de moins de quinze "
                            + "ans n'est présent ni avant 6 heures ni après 20 heures ; sa durée de présence ne peut "
                            + "excéder 7 heures par jour ni 35 heures par semaine ; il bénéficie d'une pause de "
                            + "30 minutes consécutives au moins dès que sa présence quotidienne dépasse 4 heures 30, "
                            + "et d'un repos quotidien de 14 heures consécutives au moins."),
            new Article("Article 8 – Information mutuelle",
                    "Le chef d'établissement et le responsable de l'organisme d'accueil se tiennent mutuellement "
                            + "informés des difficultés qui pourraient naître de l'application de la présente "
                            + "convention et prennent, d'un commun accord, les dispositions propres à les résoudre, "
                            + "notamment en cas de manquement à la discipline. Le représentant légal de l'élève en "
                            + "est informé."),
            new Article("Article 9 – Durée et signature",
                    "La présente convention est conclue pour la durée de la séquence d'observation indiquée "
                            + "ci-dessus. Elle est signée électroniquement sur la plateforme Tremplin : chaque "
                            + "signature est attachée à l'empreinte SHA-256 du document présenté au signataire ; "
                            + "toute modification de la convention après une signature annule les signatures "
                            + "recueillies, qui doivent être données à nouveau."));

    private ConventionText() {
    }
}

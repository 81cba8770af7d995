-- The territory: academies and départements are reference data seeded here (official names, with accents);
-- bassins (pôles de stages) are created by administrators, the open data has none.

CREATE TABLE academy (
    code   TEXT PRIMARY KEY,          -- stable slug used in tokens and filters, e.g. 'lille', 'aix-marseille'
    name   TEXT NOT NULL UNIQUE
);

CREATE TABLE department (
    code          VARCHAR(3) PRIMARY KEY CHECK (code ~ '^([0-9]{2}|2A|2B|97[0-9])$'),
    name          TEXT NOT NULL,
    academy_code  TEXT NOT NULL REFERENCES academy
);
CREATE INDEX department_academy ON department (academy_code);

CREATE TABLE bassin (
    id              VARCHAR(64) PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name            TEXT        NOT NULL,
    academy_code    TEXT        NOT NULL REFERENCES academy,
    department_code VARCHAR(3)  REFERENCES department,
    coordinator_id  TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INT         NOT NULL DEFAULT 0
);
CREATE INDEX bassin_academy ON bassin (academy_code);
CREATE INDEX bassin_department ON bassin (department_code);

INSERT INTO academy (code, name) VALUES
    ('aix-marseille', 'Aix-Marseille'), ('amiens', 'Amiens'), ('besancon', 'Besançon'), ('bordeaux', 'Bordeaux'),
    ('clermont-ferrand', 'Clermont-Ferrand'), ('corse', 'Corse'), ('creteil', 'Créteil'), ('dijon', 'Dijon'),
    ('grenoble', 'Grenoble'), ('guadeloupe', 'Guadeloupe'), ('guyane', 'Guyane'), ('la-reunion', 'La Réunion'),
    ('lille', 'Lille'), ('limoges', 'Limoges'), ('lyon', 'Lyon'), ('martinique', 'Martinique'),
    ('mayotte', 'Mayotte'), ('montpellier', 'Montpellier'), ('nancy-metz', 'Nancy-Metz'), ('nantes', 'Nantes'),
    ('nice', 'Nice'), ('normandie', 'Normandie'), ('orleans-tours', 'Orléans-Tours'), ('paris', 'Paris'),
    ('poitiers', 'Poitiers'), ('reims', 'Reims'), ('rennes', 'Rennes'), ('strasbourg', 'Strasbourg'),
    ('toulouse', 'Toulouse'), ('versailles', 'Versailles');

INSERT INTO department (code, name, academy_code) VALUES
    ('01', 'Ain', 'lyon'), ('02', 'Aisne', 'amiens'), ('03', 'Allier', 'clermont-ferrand'),
    ('04', 'Alpes-de-Haute-Provence', 'aix-marseille'), ('05', 'Hautes-Alpes', 'aix-marseille'),
    ('06', 'Alpes-Maritimes', 'nice'), ('07', 'Ardèche', 'grenoble'), ('08', 'Ardennes', 'reims'),
    ('09', 'Ariège', 'toulouse'), ('10', 'Aube', 'reims'), ('11', 'Aude', 'montpellier'),
    ('12', 'Aveyron', 'toulouse'), ('13', 'Bouches-du-Rhône', 'aix-marseille'), ('14', 'Calvados', 'normandie'),
    ('15', 'Cantal', 'clermont-ferrand'), ('16', 'Charente', 'poitiers'), ('17', 'Charente-Maritime', 'poitiers'),
    ('18', 'Cher', 'orleans-tours'), ('19', 'Corrèze', 'limoges'), ('2A', 'Corse-du-Sud', 'corse'),
    ('2B', 'Haute-Corse', 'corse'), ('21', 'Côte-d''Or', 'dijon'), ('22', 'Côtes-d''Armor', 'rennes'),
    ('23', 'Creuse', 'limoges'), ('24', 'Dordogne', 'bordeaux'), ('25', 'Doubs', 'besancon'),
    ('26', 'Drôme', 'grenoble'), ('27', 'Eure', 'normandie'), ('28', 'Eure-et-Loir', 'orleans-tours'),
    ('29', 'Finistère', 'rennes'), ('30', 'Gard', 'montpellier'), ('31', 'Haute-Garonne', 'toulouse'),
    ('32', 'Gers', 'toulouse'), ('33', 'Gironde', 'bordeaux'), ('34', 'Hérault', 'montpellier'),
    ('35', 'Ille-et-Vilaine', 'rennes'), ('36', 'Indre', 'orleans-tours'), ('37', 'Indre-et-Loire', 'orleans-tours'),
    ('38', 'Isère', 'grenoble'), ('39', 'Jura', 'besancon'), ('40', 'Landes', 'bordeaux'),
    ('41', 'Loir-et-Cher', 'orleans-tours'), ('42', 'Loire', 'lyon'), ('43', 'Haute-Loire', 'clermont-ferrand'),
    ('44', 'Loire-Atlantique', 'nantes'), ('45', 'Loiret', 'orleans-tours'), ('46', 'Lot', 'toulouse'),
    ('47', 'Lot-et-Garonne', 'bordeaux'), ('48', 'Lozère', 'montpellier'), ('49', 'Maine-et-Loire', 'nantes'),
    ('50', 'Manche', 'normandie'), ('51', 'Marne', 'reims'), ('52', 'Haute-Marne', 'reims'),
    ('53', 'Mayenne', 'nantes'), ('54', 'Meurthe-et-Moselle', 'nancy-metz'), ('55', 'Meuse', 'nancy-metz'),
    ('56', 'Morbihan', 'rennes'), ('57', 'Moselle', 'nancy-metz'), ('58', 'Nièvre', 'dijon'),
    ('59', 'Nord', 'lille'), ('60', 'Oise', 'amiens'), ('61', 'Orne', 'normandie'),
    ('62', 'Pas-de-Calais', 'lille'), ('63', 'Puy-de-Dôme', 'clermont-ferrand'),
    ('64', 'Pyrénées-Atlantiques', 'bordeaux'), ('65', 'Hautes-Pyrénées', 'toulouse'),
    ('66', 'Pyrénées-Orientales', 'montpellier'), ('67', 'Bas-Rhin', 'strasbourg'), ('68', 'Haut-Rhin', 'strasbourg'),
    ('69', 'Rhône', 'lyon'), ('70', 'Haute-Saône', 'besancon'), ('71', 'Saône-et-Loire', 'dijon'),
    ('72', 'Sarthe', 'nantes'), ('73', 'Savoie', 'grenoble'), ('74', 'Haute-Savoie', 'grenoble'),
    ('75', 'Paris', 'paris'), ('76', 'Seine-Maritime', 'normandie'), ('77', 'Seine-et-Marne', 'creteil'),
    ('78', 'Yvelines', 'versailles'), ('79', 'Deux-Sèvres', 'poitiers'), ('80', 'Somme', 'amiens'),
    ('81', 'Tarn', 'toulouse'), ('82', 'Tarn-et-Garonne', 'toulouse'), ('83', 'Var', 'nice'),
    ('84', 'Vaucluse', 'aix-marseille'), ('85', 'Vendée', 'nantes'), ('86', 'Vienne', 'poitiers'),
    ('87', 'Haute-Vienne', 'limoges'), ('88', 'Vosges', 'nancy-metz'), ('89', 'Yonne', 'dijon'),
    ('90', 'Territoire de Belfort', 'besancon'), ('91', 'Essonne', 'versailles'), ('92', 'Hauts-de-Seine', 'versailles'),
    ('93', 'Seine-Saint-Denis', 'creteil'), ('94', 'Val-de-Marne', 'creteil'), ('95', 'Val-d''Oise', 'versailles'),
    ('971', 'Guadeloupe', 'guadeloupe'), ('972', 'Martinique', 'martinique'), ('973', 'Guyane', 'guyane'),
    ('974', 'La Réunion', 'la-reunion'), ('976', 'Mayotte', 'mayotte');
